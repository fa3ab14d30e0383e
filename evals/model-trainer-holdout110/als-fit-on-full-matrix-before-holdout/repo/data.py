"""Loading and sparse-matrix helpers for the listening-history ALS model."""
import numpy as np
import pandas as pd
import scipy.sparse as sp


def load_events(path, min_plays=2):
    df = pd.read_parquet(path, columns=["user_id", "track_id", "play_count", "last_played"])
    df = df[df["play_count"] >= min_plays].copy()
    df["uidx"] = df["user_id"].astype("category").cat.codes
    df["iidx"] = df["track_id"].astype("category").cat.codes
    return df


def to_csr(df, n_users, n_items):
    # log-scaled play counts as confidence
    conf = np.log1p(df["play_count"].to_numpy(dtype=np.float32))
    return sp.csr_matrix(
        (conf, (df["uidx"].to_numpy(), df["iidx"].to_numpy())),
        shape=(n_users, n_items),
    )


def leave_last_out(df, min_history=3):
    """Hold out each user's most recently played track."""
    df = df.sort_values(["uidx", "last_played"])
    n_tracks = df.groupby("uidx")["iidx"].transform("size")
    from_end = df.groupby("uidx").cumcount(ascending=False)
    held_out = df[(from_end == 0) & (n_tracks >= min_history)]
    return df.drop(index=held_out.index), held_out


def build_matrices(df):
    n_users = int(df["uidx"].max()) + 1
    n_items = int(df["iidx"].max()) + 1
    train_df, test_df = leave_last_out(df)
    user_items = to_csr(df, n_users, n_items)
    train_items = to_csr(train_df, n_users, n_items)
    test_items = to_csr(test_df, n_users, n_items)
    return user_items, train_items, test_items
