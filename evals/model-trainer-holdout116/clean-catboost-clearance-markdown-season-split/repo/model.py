import json

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool


def load_config(path="config.json"):
    with open(path) as f:
        return json.load(f)


def prepare(df):
    df = df.sort_values(["style_id", "week"]).copy()
    df["weekly_rate"] = df["units"] / df["stock_start"].clip(lower=1)
    df["discount_step"] = df.groupby("style_id")["discount_pct"].diff().fillna(0)
    return df


def season_split(df):
    """Train on all but the last two seasons, validate on the second-last, test on the last."""
    order = df.groupby("season")["season_start"].min().sort_values().index.tolist()
    valid_season, test_season = order[-2], order[-1]
    train = df[~df["season"].isin([valid_season, test_season])]
    return train, df[df["season"] == valid_season], df[df["season"] == test_season]


def fit(train, valid, cfg):
    cols = cfg["cat_features"] + cfg["num_features"]
    model = CatBoostRegressor(**cfg["catboost"], verbose=250)
    model.fit(
        Pool(train[cols], train["weekly_rate"], cat_features=cfg["cat_features"]),
        eval_set=Pool(valid[cols], valid["weekly_rate"], cat_features=cfg["cat_features"]),
        use_best_model=True,
    )
    return model


def score(model, df, cfg):
    cols = cfg["cat_features"] + cfg["num_features"]
    rate = np.clip(model.predict(df[cols]), 0, 1)
    units = rate * df["stock_start"].values
    return {
        "rate_mae": float(np.mean(np.abs(rate - df["weekly_rate"].values))),
        "units_wape": float(np.abs(units - df["units"].values).sum() / df["units"].sum()),
    }
