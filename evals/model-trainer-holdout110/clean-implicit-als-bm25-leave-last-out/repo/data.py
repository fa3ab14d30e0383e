"""Podcast-follow interactions -> sparse matrices."""
import numpy as np
import pandas as pd
import scipy.sparse as sp


def load_listens(path):
    df = pd.read_parquet(path, columns=["user_id", "show_id", "minutes", "last_listen"])
    df = df[df["minutes"] >= 5].copy()
    df["uidx"] = df["user_id"].astype("category").cat.codes.astype(np.int32)
    df["iidx"] = df["show_id"].astype("category").cat.codes.astype(np.int32)
    shape = (int(df["uidx"].max()) + 1, int(df["iidx"].max()) + 1)
    return df, shape


def split_last(df, min_history=3):
    """Leave-last-out: each user's most recent show goes to test."""
    df = df.sort_values(["uidx", "last_listen"])
    from_end = df.groupby("uidx").cumcount(ascending=False)
    n = df.groupby("uidx")["iidx"].transform("size")
    test = df[(from_end == 0) & (n >= min_history)]
    return df.drop(index=test.index), test


def to_csr(df, shape):
    weights = np.log1p(df["minutes"].to_numpy(dtype=np.float32))
    return sp.csr_matrix((weights, (df["uidx"].to_numpy(), df["iidx"].to_numpy())), shape=shape)
