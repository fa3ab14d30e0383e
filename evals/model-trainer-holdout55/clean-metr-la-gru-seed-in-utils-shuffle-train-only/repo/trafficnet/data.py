import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def chronological_parts(speeds: pd.DataFrame, ratios=(0.7, 0.1, 0.2)):
    n = len(speeds)
    n_train = int(n * ratios[0])
    n_val = int(n * ratios[1])
    return speeds.iloc[:n_train], speeds.iloc[n_train:n_train + n_val], speeds.iloc[n_train + n_val:]


class SpeedWindows(Dataset):
    """12-step history -> 12-step future for all sensors."""

    def __init__(self, frame: pd.DataFrame, mean: float, std: float, n_in: int = 12, n_out: int = 12):
        values = frame.to_numpy(dtype=np.float32)
        self.raw = values
        self.x = (values - mean) / std
        tod = ((frame.index.hour * 60 + frame.index.minute) / 1440).to_numpy(dtype=np.float32)
        self.tod = np.repeat(tod[:, None], values.shape[1], axis=1)
        self.n_in, self.n_out = n_in, n_out

    def __len__(self) -> int:
        return len(self.x) - self.n_in - self.n_out + 1

    def __getitem__(self, i):
        hist = np.stack([self.x[i:i + self.n_in], self.tod[i:i + self.n_in]], axis=-1)
        fut = self.raw[i + self.n_in:i + self.n_in + self.n_out]
        return torch.from_numpy(hist), torch.from_numpy(fut)
