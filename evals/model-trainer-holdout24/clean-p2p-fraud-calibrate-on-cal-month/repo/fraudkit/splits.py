"""Out-of-time splitting for transaction data."""
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Windows:
    train_end: str        # exclusive
    calib_end: str        # exclusive; calibration/threshold month starts at train_end
    test_end: str         # exclusive; test month starts at calib_end


def by_time(df: pd.DataFrame, w: Windows, ts_col: str = "created_at"):
    ts = pd.to_datetime(df[ts_col])
    train = df[ts < w.train_end]
    calib = df[(ts >= w.train_end) & (ts < w.calib_end)]
    test = df[(ts >= w.calib_end) & (ts < w.test_end)]
    return train, calib, test
