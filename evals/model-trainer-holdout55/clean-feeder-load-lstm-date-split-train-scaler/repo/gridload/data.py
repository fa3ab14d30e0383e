"""Data preparation for the feeder-load LSTM."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler


def load_feeder(path: str, target: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["timestamp"], index_col="timestamp").sort_index()
    df = df[~df.index.duplicated()].asfreq("15min")
    df[target] = df[target].ffill(limit=4)
    minute_of_day = df.index.hour * 60 + df.index.minute
    df["tod_sin"] = np.sin(2 * np.pi * minute_of_day / 1440)
    df["tod_cos"] = np.cos(2 * np.pi * minute_of_day / 1440)
    df["is_weekend"] = (df.index.dayofweek >= 5).astype(float)
    return df.dropna()


def split_by_date(df: pd.DataFrame, train_end: str, val_end: str):
    train = df[df.index < train_end]
    val = df[(df.index >= train_end) & (df.index < val_end)]
    test = df[df.index >= val_end]
    return train, val, test


def fit_scaler(train: pd.DataFrame, features: list[str]) -> StandardScaler:
    return StandardScaler().fit(train[features])


def windows_with_context(segment: np.ndarray, context: np.ndarray | None, lookback: int,
                         horizon: int, target_idx: int):
    """Windows whose targets all lie in `segment`; inputs may reach back into `context`."""
    values = segment if context is None else np.concatenate([context[-lookback:], segment])
    X, y = [], []
    for end in range(lookback, len(values) - horizon + 1):
        X.append(values[end - lookback:end])
        y.append(values[end:end + horizon, target_idx])
    return np.asarray(X, dtype=np.float32), np.asarray(y, dtype=np.float32)
