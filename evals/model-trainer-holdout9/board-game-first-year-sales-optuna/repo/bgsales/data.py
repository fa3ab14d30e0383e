import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

NUMERIC = ["min_players", "max_players", "playtime_min", "complexity_weight", "min_age", "msrp_usd",
           "n_mechanics", "n_expansions_planned", "publisher_titles_prior", "designer_titles_prior",
           "kickstarter_backers", "bgg_prerelease_wishlist"]
FLAGS = ["is_kickstarter", "is_cooperative", "is_legacy", "has_miniatures"]


def load(path="data/games.csv", seed=0):
    games = pd.read_csv(path)
    games = games[games["first_year_units"] > 0].copy()
    games["log_units"] = np.log1p(games["first_year_units"])
    games["kickstarter_backers"] = games["kickstarter_backers"].fillna(0)
    X = games[NUMERIC + FLAGS].astype(float)
    y = games["log_units"].to_numpy()
    return train_test_split(X, y, test_size=0.2, random_state=seed)
