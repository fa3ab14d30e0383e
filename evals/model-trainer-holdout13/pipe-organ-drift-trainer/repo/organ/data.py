"""Windows of church climate readings -> pitch drift (cents) of each reed rank a week later."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class DriftWindows(Dataset):
    def __init__(self, frame: pd.DataFrame, feature_cols, window: int = 48, mean=None, std=None):
        self.x = frame[feature_cols].to_numpy(np.float32)
        self.y = frame["drift_cents_7d"].to_numpy(np.float32)
        self.rank = frame["rank_idx"].to_numpy(np.int64)
        self.mean = self.x.mean(0) if mean is None else mean
        self.std = self.x.std(0) + 1e-6 if std is None else std
        self.x = (self.x - self.mean) / self.std
        self.window = window

    def __len__(self):
        return len(self.y) - self.window

    def __getitem__(self, i):
        j = i + self.window
        return (torch.from_numpy(self.x[i:j]), torch.tensor(self.rank[j - 1]),
                torch.tensor(self.y[j - 1]))
