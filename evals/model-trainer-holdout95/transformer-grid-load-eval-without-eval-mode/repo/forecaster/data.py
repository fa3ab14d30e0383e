import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import Dataset


def load_zone(csv_path: str, zone: str) -> pd.DataFrame:
    df = pd.read_csv(csv_path, parse_dates=["utc_timestamp"], index_col="utc_timestamp")
    df = df[df["zone"] == zone].sort_index()
    frame = pd.DataFrame({"load_mw": df["load_actual_mw"]}).asfreq("1h")
    frame["load_mw"] = frame["load_mw"].interpolate(limit=2)
    idx = frame.index
    frame["hod_sin"] = np.sin(2 * np.pi * idx.hour / 24)
    frame["hod_cos"] = np.cos(2 * np.pi * idx.hour / 24)
    frame["dow_sin"] = np.sin(2 * np.pi * idx.dayofweek / 7)
    frame["dow_cos"] = np.cos(2 * np.pi * idx.dayofweek / 7)
    return frame.dropna()


def split_and_scale(frame: pd.DataFrame, train_end: str, val_end: str, lookback: int):
    train = frame.loc[:train_end]
    scaler = StandardScaler().fit(train[["load_mw"]])
    scaled = frame.copy()
    scaled["load_mw"] = scaler.transform(frame[["load_mw"]]).ravel()
    n_train = len(train)
    n_val_end = len(frame.loc[:val_end])
    parts = {
        "train": scaled.iloc[:n_train],
        "val": scaled.iloc[n_train - lookback:n_val_end],
        "test": scaled.iloc[n_val_end - lookback:],
    }
    return parts, scaler


class WindowDataset(Dataset):
    def __init__(self, frame: pd.DataFrame, lookback: int, horizon: int):
        self.values = torch.tensor(frame.to_numpy(), dtype=torch.float32)
        self.lookback, self.horizon = lookback, horizon

    def __len__(self):
        return len(self.values) - self.lookback - self.horizon + 1

    def __getitem__(self, i):
        x = self.values[i:i + self.lookback]
        y = self.values[i + self.lookback:i + self.lookback + self.horizon, 0]
        return x, y
