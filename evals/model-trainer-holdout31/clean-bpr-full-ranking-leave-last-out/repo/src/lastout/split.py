"""Leave-last-out: per user, the chronologically last event is the test item and the one
before it the validation item. Everything earlier is training history."""
import numpy as np
import pandas as pd
import scipy.sparse as sp


def keep_active_users(df: pd.DataFrame, min_events: int) -> pd.DataFrame:
    """Users need enough history to hold out two events and still train on the rest."""
    n = df.groupby("user")["item"].transform("size")
    return df[n >= min_events]


def leave_last_out(df: pd.DataFrame):
    df = df.sort_values(["user", "timestamp", "item"], kind="mergesort")
    pos_from_end = df.groupby("user").cumcount(ascending=False)
    return df[pos_from_end >= 2], df[pos_from_end == 1], df[pos_from_end == 0]


def to_csr(df: pd.DataFrame, n_users: int, n_items: int) -> sp.csr_matrix:
    m = sp.csr_matrix((np.ones(len(df), dtype=np.float32), (df["user"], df["item"])), shape=(n_users, n_items))
    m.data[:] = 1.0
    return m
