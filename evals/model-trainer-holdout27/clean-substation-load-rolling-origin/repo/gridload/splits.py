import numpy as np
import pandas as pd
from sklearn.model_selection import TimeSeriesSplit


def by_period(df: pd.DataFrame, periods: dict):
    train = df[df["ts"] <= periods["train_end"]]
    valid = df[(df["ts"] > periods["train_end"]) & (df["ts"] <= periods["valid_end"])]
    test = df[(df["ts"] > periods["valid_end"]) & (df["ts"] <= periods["test_end"])]
    return train, valid, test


def rolling_origin(df: pd.DataFrame, n_splits: int, gap_hours: int):
    """Expanding-window folds over unique timestamps, so every fold validates on later hours."""
    stamps = np.sort(df["ts"].unique())
    tss = TimeSeriesSplit(n_splits=n_splits, gap=gap_hours)
    for tr_idx, va_idx in tss.split(stamps):
        yield (
            np.flatnonzero(df["ts"].isin(stamps[tr_idx]).to_numpy()),
            np.flatnonzero(df["ts"].isin(stamps[va_idx]).to_numpy()),
        )
