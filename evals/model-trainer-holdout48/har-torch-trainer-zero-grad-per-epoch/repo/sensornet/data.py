"""Windowed accelerometer/gyroscope data, pre-split by subject into train/val/test files."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset


def _load(path: Path) -> TensorDataset:
    arr = np.load(path)
    x = torch.from_numpy(arr["x"]).float()          # (N, C, T)
    y = torch.from_numpy(arr["y"]).long()
    return TensorDataset(x, y)


def build_loaders(root: str, batch_size: int, num_workers: int, seed: int) -> dict[str, DataLoader]:
    root = Path(root)
    g = torch.Generator().manual_seed(seed)
    loaders = {}
    for split in ("train", "val", "test"):
        ds = _load(root / f"{split}.npz")
        loaders[split] = DataLoader(ds, batch_size=batch_size, shuffle=(split == "train"),
                                    num_workers=num_workers, generator=g if split == "train" else None,
                                    drop_last=(split == "train"))
    return loaders
