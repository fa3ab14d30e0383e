import pandas as pd
from catboost import Pool


def load(cfg):
    d = cfg["data"]
    df = pd.read_parquet(d["path"])
    df[d["time_col"]] = pd.to_datetime(df[d["time_col"]], utc=True)
    start = df[d["time_col"]].min().normalize()
    df["week"] = ((df[d["time_col"]] - start).dt.days // 7) + 1
    for c in cfg["features"]["categorical"]:
        df[c] = df[c].astype(str)
    return df


def to_pool(df, cfg):
    cols = cfg["features"]["categorical"] + cfg["features"]["numeric"]
    return Pool(df[cols], df[cfg["data"]["label"]], cat_features=cfg["features"]["categorical"])


def split_weeks(df, cfg):
    d = cfg["data"]
    train = df[df["week"].isin(d["train_weeks"])]
    valid = df[df["week"].isin(d["valid_weeks"])]
    test = df[df["week"].isin(d["test_weeks"])]
    return train, valid, test
