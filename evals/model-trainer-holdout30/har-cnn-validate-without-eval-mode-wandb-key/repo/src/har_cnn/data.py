"""Windowed accelerometer/gyro data, already split by subject into train/val/test .npz files."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


class WindowDataset(Dataset):
    def __init__(self, windows: np.ndarray, labels: np.ndarray, mean: np.ndarray, std: np.ndarray):
        self.x = torch.from_numpy(((windows - mean) / std).astype(np.float32))  # (N, C, T)
        self.y = torch.from_numpy(labels.astype(np.int64))

    def __len__(self) -> int:
        return len(self.y)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]


def _load(path: Path) -> tuple[np.ndarray, np.ndarray]:
    arr = np.load(path)
    return arr["windows"], arr["labels"]


def build_loaders(data_dir: str, batch_size: int, num_workers: int, seed: int):
    root = Path(data_dir)
    x_tr, y_tr = _load(root / "train.npz")
    x_va, y_va = _load(root / "val.npz")
    x_te, y_te = _load(root / "test.npz")
    # per-channel statistics from the training subjects only
    mean = x_tr.mean(axis=(0, 2), keepdims=True)[0]
    std = x_tr.std(axis=(0, 2), keepdims=True)[0] + 1e-6
    g = torch.Generator().manual_seed(seed)
    train = DataLoader(WindowDataset(x_tr, y_tr, mean, std), batch_size=batch_size, shuffle=True,
                       generator=g, num_workers=num_workers, drop_last=True)
    val = DataLoader(WindowDataset(x_va, y_va, mean, std), batch_size=batch_size * 2, num_workers=num_workers)
    test = DataLoader(WindowDataset(x_te, y_te, mean, std), batch_size=batch_size * 2, num_workers=num_workers)
    return train, val, test, (x_tr, y_tr, x_va, y_va)
