import numpy as np
import pandas as pd


def load(path):
    df = pd.read_parquet(path)
    df["ts"] = pd.to_datetime(df["ts"])
    df["hour"] = df["ts"].dt.hour
    df["dow"] = df["ts"].dt.dayofweek
    df["price_log"] = np.log1p(df["price"])
    return df.sort_values("ts").reset_index(drop=True)


def split_by_time(df, valid_start, test_start, end):
    valid_start, test_start, end = map(pd.Timestamp, (valid_start, test_start, end))
    train = df[df["ts"] < valid_start]
    valid = df[(df["ts"] >= valid_start) & (df["ts"] < test_start)]
    test = df[(df["ts"] >= test_start) & (df["ts"] < end)]
    return train, valid, test
