"""Beat datasets; per-lead normalisation statistics come from the training file."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset


def _load(path: Path):
    z = np.load(path)
    return z["signals"].astype(np.float32), z["labels"].astype(np.int64)


def make_loaders(split_dir: str, batch_size: int, seed: int):
    root = Path(split_dir)
    (x_tr, y_tr), (x_va, y_va), (x_te, y_te) = (_load(root / f"{s}.npz") for s in ("train", "val", "test"))
    mu = x_tr.mean(axis=(0, 2), keepdims=True)
    sd = x_tr.std(axis=(0, 2), keepdims=True) + 1e-6

    def ds(x, y):
        return TensorDataset(torch.from_numpy((x - mu) / sd), torch.from_numpy(y))

    g = torch.Generator().manual_seed(seed)
    loaders = {
        "train": DataLoader(ds(x_tr, y_tr), batch_size=batch_size, shuffle=True, generator=g, drop_last=True),
        "val": DataLoader(ds(x_va, y_va), batch_size=512),
        "test": DataLoader(ds(x_te, y_te), batch_size=512),
    }
    class_counts = np.bincount(y_tr, minlength=5)
    return loaders, class_counts, (x_tr, y_tr, x_va, y_va)
