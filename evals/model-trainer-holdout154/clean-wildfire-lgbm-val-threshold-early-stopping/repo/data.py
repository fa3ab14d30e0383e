import numpy as np
import pandas as pd


def load(cfg):
    d = cfg["data"]
    df = pd.read_parquet(d["table"])
    df["year"] = pd.to_datetime(df["date"]).dt.year
    df["pop_log"] = np.log1p(df["population"])
    df["weekend"] = (pd.to_datetime(df["date"]).dt.dayofweek >= 5).astype(int)
    return df


def split_years(df, cfg):
    d = cfg["data"]
    part = {}
    for name in ("train", "val", "test"):
        lo, hi = d[f"{name}_years"]
        part[name] = df[df["year"].between(lo, hi)].reset_index(drop=True)
    return part["train"], part["val"], part["test"]
