from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def read_load(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["datetime"]).set_index("datetime").sort_index()
    df = df.asfreq("h")
    df["load_mw"] = df["load_mw"].interpolate(limit=6)
    df["hour"] = df.index.hour
    df["dow"] = df.index.dayofweek
    return df.dropna()


def chronological_split(df: pd.DataFrame, valid_days: int, test_days: int):
    end = df.index.max()
    test_start = end - pd.Timedelta(days=test_days)
    valid_start = test_start - pd.Timedelta(days=valid_days)
    return (
        df[df.index < valid_start],
        df[(df.index >= valid_start) & (df.index < test_start)],
        df[df.index >= test_start],
    )


class Standardizer:
    def fit(self, x: np.ndarray) -> "Standardizer":
        self.mean_ = x.mean(axis=0)
        self.std_ = x.std(axis=0) + 1e-8
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        return (x - self.mean_) / self.std_

    def inverse_target(self, y: np.ndarray, col: int = 0) -> np.ndarray:
        return y * self.std_[col] + self.mean_[col]


class LoadWindows(Dataset):
    """Sliding windows: `lookback` hours of features -> next `horizon` hours of load."""

    def __init__(self, values: np.ndarray, lookback: int, horizon: int):
        self.values = torch.tensor(values, dtype=torch.float32)
        self.lookback = lookback
        self.horizon = horizon

    def __len__(self) -> int:
        return len(self.values) - self.lookback - self.horizon + 1

    def __getitem__(self, idx: int):
        x = self.values[idx : idx + self.lookback]
        y = self.values[idx + self.lookback : idx + self.lookback + self.horizon, 0]
        return x, y
