import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import Dataset


def load_frame(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["timestamp"] = pd.to_datetime(df["timestamp"])
    df = df.sort_values(["cell_id", "timestamp"]).reset_index(drop=True)
    hour = df["timestamp"].dt.hour
    df["hour_sin"] = np.sin(2 * np.pi * hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * hour / 24)
    df["is_weekend"] = (df["timestamp"].dt.dayofweek >= 5).astype(float)
    return df


def split_by_time(df: pd.DataFrame, val_start: str, test_start: str):
    train = df[df["timestamp"] < val_start]
    val = df[(df["timestamp"] >= val_start) & (df["timestamp"] < test_start)]
    test = df[df["timestamp"] >= test_start]
    return train.copy(), val.copy(), test.copy()


def scale(train, others, cols):
    scaler = StandardScaler().fit(train[cols])
    train[cols] = scaler.transform(train[cols])
    for part in others:
        part[cols] = scaler.transform(part[cols])
    return scaler


class CellWindows(Dataset):
    """Sliding windows per cell: `lookback` hours of features -> next `horizon` hours of target."""

    def __init__(self, frame, features, target, lookback, horizon):
        xs, ys = [], []
        for _, g in frame.groupby("cell_id"):
            x = g[features].to_numpy(np.float32)
            y = g[target].to_numpy(np.float32)
            for i in range(lookback, len(g) - horizon + 1):
                xs.append(x[i - lookback:i])
                ys.append(y[i:i + horizon])
        self.x = torch.from_numpy(np.stack(xs))
        self.y = torch.from_numpy(np.stack(ys))

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]
