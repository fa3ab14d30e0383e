import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset

FEATURES = ["speed", "course_sin", "course_cos", "distance_from_shore", "distance_from_port", "dt_hours"]


def load_tracks(path):
    df = pd.read_csv(path)
    df = df[df["is_fishing"] >= 0]  # -1 means the position was never labelled
    df["is_fishing"] = (df["is_fishing"] > 0.5).astype(np.float32)
    df = df.sort_values(["mmsi", "timestamp"]).reset_index(drop=True)
    rad = np.deg2rad(df["course"])
    df["course_sin"], df["course_cos"] = np.sin(rad), np.cos(rad)
    df["distance_from_shore"] /= 1000.0  # metres -> km
    df["distance_from_port"] /= 1000.0
    df["dt_hours"] = df.groupby("mmsi")["timestamp"].diff().fillna(0).clip(upper=86400) / 3600.0
    return df


def split_vessels(df, test_size, val_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    trval_idx, test_idx = next(gss.split(df, groups=df["mmsi"]))
    trval, test = df.iloc[trval_idx], df.iloc[test_idx]
    gss = GroupShuffleSplit(n_splits=1, test_size=val_size, random_state=seed)
    tr_idx, val_idx = next(gss.split(trval, groups=trval["mmsi"]))
    return trval.iloc[tr_idx], trval.iloc[val_idx], test


class TrackWindows(Dataset):
    """Fixed-length windows over each vessel's track with a label per position."""

    def __init__(self, df, window, stride, mean=None, std=None):
        x_all = df[FEATURES].to_numpy(np.float32)
        self.mean = x_all.mean(axis=0) if mean is None else mean
        self.std = x_all.std(axis=0) + 1e-6 if std is None else std
        self.x, self.y = [], []
        for _, g in df.groupby("mmsi", sort=False):
            x = (g[FEATURES].to_numpy(np.float32) - self.mean) / self.std
            y = g["is_fishing"].to_numpy(np.float32)
            for start in range(0, max(len(g) - window, 0) + 1, stride):
                if len(g) - start < window:
                    break
                self.x.append(x[start:start + window])
                self.y.append(y[start:start + window])

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return torch.from_numpy(self.x[i]), torch.from_numpy(self.y[i])
