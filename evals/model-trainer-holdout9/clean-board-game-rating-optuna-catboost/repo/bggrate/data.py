import pandas as pd
from sklearn.model_selection import train_test_split


def load_split(cfg):
    games = pd.read_csv(cfg["games_csv"])
    games = games[games["users_rated"] >= 30]  # ratings with fewer votes are noise
    for c in cfg["cat_features"]:
        games[c] = games[c].fillna("none")
    games["description"] = games["description"].fillna("")
    cols = cfg["num_features"] + cfg["cat_features"] + cfg["text_features"]
    X, y = games[cols], games[cfg["target"]]
    return train_test_split(X, y, test_size=cfg["test_size"], random_state=cfg["seed"])
