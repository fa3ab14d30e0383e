"""Loading and windowing utilities for hourly system-load forecasting."""
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import MinMaxScaler
from torch.utils.data import Dataset


@dataclass
class SeriesBundle:
    values: np.ndarray
    timestamps: pd.DatetimeIndex
    scaler: MinMaxScaler


def load_series(csv_path: str, target: str = "load_mw", freq: str = "h") -> pd.DataFrame:
    df = pd.read_csv(csv_path, parse_dates=["timestamp"])
    df = df.sort_values("timestamp").set_index("timestamp")
    df = df[~df.index.duplicated(keep="first")].asfreq(freq)
    df[target] = df[target].ffill(limit=6)
    return df.dropna(subset=[target])


def add_calendar_features(df: pd.DataFrame) -> pd.DataFrame:
    hour = df.index.hour
    dow = df.index.dayofweek
    df["hour_sin"] = np.sin(2 * np.pi * hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * hour / 24)
    df["is_weekend"] = (dow >= 5).astype(np.float32)
    return df


def prepare_series(df: pd.DataFrame, feature_cols: list[str]) -> SeriesBundle:
    scaler = MinMaxScaler()
    values = scaler.fit_transform(df[feature_cols].to_numpy(dtype=np.float32))
    return SeriesBundle(values=values.astype(np.float32), timestamps=df.index, scaler=scaler)


def make_windows(values: np.ndarray, lookback: int, horizon: int, target_idx: int = 0):
    X, y = [], []
    for start in range(len(values) - lookback - horizon + 1):
        end = start + lookback
        X.append(values[start:end])
        y.append(values[end:end + horizon, target_idx])
    return np.stack(X), np.stack(y)


def chronological_split(n: int, val_frac: float, test_frac: float):
    n_test = int(n * test_frac)
    n_val = int(n * val_frac)
    n_train = n - n_val - n_test
    return slice(0, n_train), slice(n_train, n_train + n_val), slice(n_train + n_val, n)


class WindowDataset(Dataset):
    def __init__(self, X: np.ndarray, y: np.ndarray):
        self.X = torch.from_numpy(X)
        self.y = torch.from_numpy(y)

    def __len__(self) -> int:
        return len(self.X)

    def __getitem__(self, idx):
        return self.X[idx], self.y[idx]
