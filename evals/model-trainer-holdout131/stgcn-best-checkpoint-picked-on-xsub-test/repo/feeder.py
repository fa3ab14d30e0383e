import pickle

import numpy as np
import torch
from torch.utils.data import Dataset


class SkeletonFeeder(Dataset):
    """Reads the (N, C, T, V, M) arrays written by ntu_gendata.py."""

    def __init__(self, data_path, label_path, window=150, mmap=True):
        self.data = np.load(data_path, mmap_mode="r" if mmap else None)
        with open(label_path, "rb") as f:
            self.sample_names, self.labels = pickle.load(f)
        self.window = window

    def __len__(self):
        return len(self.labels)

    def _valid_length(self, x):
        # frames where any joint of any body is non-zero
        nonzero = np.abs(x).sum(axis=(0, 2, 3)) > 0
        return max(int(nonzero.sum()), 1)

    def __getitem__(self, idx):
        x = np.array(self.data[idx], dtype=np.float32)        # (C, T, V, M)
        t = self._valid_length(x)
        frames = np.linspace(0, t - 1, self.window).round().astype(int)
        x = x[:, frames]
        return torch.from_numpy(x), int(self.labels[idx])
