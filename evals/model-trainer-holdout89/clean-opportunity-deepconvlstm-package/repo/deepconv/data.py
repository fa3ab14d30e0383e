from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


def load_runs(root: str, runs):
    """Each run file holds sliding windows (n, 24, 113) and locomotion/gesture labels."""
    xs, ys = [], []
    for run in runs:
        blob = np.load(Path(root) / f"{run}.npz")
        xs.append(blob["x"])
        ys.append(blob["y_gesture"])
    return np.concatenate(xs).astype(np.float32), np.concatenate(ys).astype(np.int64)


class Standardiser:
    """Per-sensor-channel z-scoring; statistics come from the array passed to fit()."""

    def fit(self, x):
        self.mu = np.nanmean(x, axis=(0, 1))
        self.sigma = np.nanstd(x, axis=(0, 1)) + 1e-6
        return self

    def __call__(self, x):
        return np.nan_to_num((x - self.mu) / self.sigma)


class WindowDataset(Dataset):
    def __init__(self, x, y):
        self.x, self.y = torch.from_numpy(x), torch.from_numpy(y)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
