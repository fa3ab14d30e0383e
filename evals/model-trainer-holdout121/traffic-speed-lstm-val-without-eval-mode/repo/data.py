import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_speed_matrix(path="data/metr-la.h5"):
    """5-minute loop-detector speeds, shape (T, num_sensors)."""
    df = pd.read_hdf(path)
    return df.values.astype(np.float32), df.index


def chrono_split(values, train_frac=0.7, val_frac=0.1):
    n = len(values)
    n_train = int(n * train_frac)
    n_val = int(n * val_frac)
    return values[:n_train], values[n_train:n_train + n_val], values[n_train + n_val:]


class SpeedScaler:
    def fit(self, x):
        # zeros are missing readings in METR-LA; ignore them for the stats
        observed = x[x > 0]
        self.mean, self.std = observed.mean(), observed.std()
        return self

    def transform(self, x):
        return (x - self.mean) / self.std

    def inverse_transform(self, x):
        return x * self.std + self.mean


class WindowDataset(Dataset):
    def __init__(self, scaled, raw, seq_len=12, horizon=12):
        self.x = torch.from_numpy(scaled)
        self.y = torch.from_numpy(raw)
        self.seq_len, self.horizon = seq_len, horizon

    def __len__(self):
        return len(self.x) - self.seq_len - self.horizon + 1

    def __getitem__(self, i):
        s = i + self.seq_len
        return self.x[i:s], self.y[s:s + self.horizon]
