import pandas as pd
from sklearn.model_selection import train_test_split


def load_loans(cfg):
    df = pd.read_csv(cfg["data"]["path"])
    cats = cfg["data"]["categorical"]
    df[cats] = df[cats].fillna("UNKNOWN").astype(str)
    y = df[cfg["data"]["target"]].astype(int)
    X = df.drop(columns=cfg["data"]["drop"] + [cfg["data"]["target"]])
    return X, y


def split(X, y, cfg):
    return train_test_split(
        X, y,
        test_size=cfg["split"]["test_size"],
        stratify=y,
        random_state=cfg["seed"],
    )
