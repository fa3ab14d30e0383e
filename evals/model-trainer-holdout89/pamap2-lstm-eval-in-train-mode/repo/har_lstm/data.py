from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset


def load_split(root: str, subjects):
    xs, ys = [], []
    for sid in subjects:
        blob = np.load(Path(root) / f"subject{sid:03d}.npz")
        xs.append(blob["windows"])
        ys.append(blob["labels"])
    return np.concatenate(xs).astype(np.float32), np.concatenate(ys).astype(np.int64)


class ChannelScaler:
    def fit(self, x: np.ndarray):
        self.mean_ = x.reshape(-1, x.shape[-1]).mean(axis=0)
        self.std_ = x.reshape(-1, x.shape[-1]).std(axis=0) + 1e-6
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        return (x - self.mean_) / self.std_


def make_loader(x, y, batch_size, shuffle, seed=0):
    ds = TensorDataset(torch.from_numpy(x), torch.from_numpy(y))
    gen = torch.Generator().manual_seed(seed)
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=gen, drop_last=False)
