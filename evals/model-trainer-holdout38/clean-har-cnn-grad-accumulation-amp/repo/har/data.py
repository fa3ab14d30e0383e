"""UCI HAR raw inertial windows (2.56 s, 128 samples, 9 channels)."""
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset

CHANNELS = [f"{kind}_{axis}" for kind in ("body_acc", "body_gyro", "total_acc") for axis in "xyz"]
ACTIVITIES = ["walking", "upstairs", "downstairs", "sitting", "standing", "laying"]


def load_split(root, split):
    """Returns signals (N, 9, 128), labels (N,) in 0..5 and subject ids (N,)."""
    base = Path(root) / split
    signals = np.stack(
        [np.loadtxt(base / "Inertial Signals" / f"{ch}_{split}.txt") for ch in CHANNELS], axis=1
    ).astype(np.float32)
    labels = np.loadtxt(base / f"y_{split}.txt", dtype=np.int64) - 1
    subjects = np.loadtxt(base / f"subject_{split}.txt", dtype=np.int64)
    return signals, labels, subjects


class ChannelStandardizer:
    """Per-channel z-scoring; statistics come from whatever array is passed to fit()."""

    def fit(self, x):
        self.mean_ = x.mean(axis=(0, 2), keepdims=True)
        self.std_ = x.std(axis=(0, 2), keepdims=True) + 1e-6
        return self

    def transform(self, x):
        return ((x - self.mean_) / self.std_).astype(np.float32)


class WindowDataset(Dataset):
    def __init__(self, signals, labels):
        self.x = torch.from_numpy(signals)
        self.y = torch.from_numpy(labels)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
