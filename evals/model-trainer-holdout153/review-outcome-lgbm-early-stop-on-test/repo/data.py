import numpy as np
import pandas as pd


def load_changes(cfg):
    ds = cfg["dataset"]
    df = pd.read_parquet(ds["path"])
    df[ds["created_col"]] = pd.to_datetime(df[ds["created_col"]], utc=True)
    # abandoned vs merged only; still-open changes have no outcome yet
    df = df[df["status"].isin(["MERGED", "ABANDONED"])].copy()
    df[ds["label_col"]] = (df["status"] == "MERGED").astype(int)
    df["weekday"] = df[ds["created_col"]].dt.weekday
    df["hour"] = df[ds["created_col"]].dt.hour
    df["desc_length"] = np.log1p(df["desc_length"])
    return df.sort_values(ds["created_col"]).reset_index(drop=True)


def temporal_split(df, cfg):
    ds = cfg["dataset"]
    cutoff = pd.Timestamp(ds["test_start"], tz="UTC")
    train = df[df[ds["created_col"]] < cutoff]
    test = df[df[ds["created_col"]] >= cutoff]
    feats = cfg["features"]
    return (train[feats], train[ds["label_col"]]), (test[feats], test[ds["label_col"]])
