from dataclasses import dataclass

import numpy as np
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset


@dataclass
class ChannelStats:
    mean: np.ndarray
    std: np.ndarray

    @classmethod
    def estimate(cls, windows: np.ndarray) -> "ChannelStats":
        return cls(windows.mean(axis=(0, 1)), windows.std(axis=(0, 1)) + 1e-6)


class IMUWindows(Dataset):
    def __init__(self, x: np.ndarray, y: np.ndarray, stats: ChannelStats):
        self.x = ((x - stats.mean) / stats.std).astype(np.float32)
        self.y = y.astype(np.int64)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return torch.from_numpy(self.x[i]).T, torch.tensor(self.y[i])


def subject_split(subject: np.ndarray, test_frac: float, val_frac: float, seed: int):
    idx = np.arange(len(subject))
    outer = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    dev, test = next(outer.split(idx, groups=subject))
    inner = GroupShuffleSplit(n_splits=1, test_size=val_frac, random_state=seed + 1)
    tr, va = next(inner.split(dev, groups=subject[dev]))
    return dev[tr], dev[va], test
