"""Windowed accelerometer/gyroscope dataset for activity recognition."""
from __future__ import annotations

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, random_split


class SensorWindows(Dataset):
    def __init__(self, path: str) -> None:
        archive = np.load(path)
        # windows: (n, channels, timesteps), labels: (n,)
        self.x = torch.from_numpy(archive["windows"]).float()
        self.y = torch.from_numpy(archive["labels"]).long()
        # per-window standardisation, each channel independently
        mean = self.x.mean(dim=2, keepdim=True)
        std = self.x.std(dim=2, keepdim=True)
        self.x = (self.x - mean) / (std + 1e-6)
        self.num_classes = int(self.y.max()) + 1

    def __len__(self) -> int:
        return len(self.y)

    def __getitem__(self, idx: int):
        return self.x[idx], self.y[idx]


def make_loaders(cfg: dict):
    data_cfg = cfg["data"]
    dataset = SensorWindows(data_cfg["windows_path"])
    n = len(dataset)
    n_val = int(n * data_cfg["val_fraction"])
    n_test = int(n * data_cfg["test_fraction"])
    n_train = n - n_val - n_test
    train_ds, val_ds, test_ds = random_split(dataset, [n_train, n_val, n_test])

    kwargs = dict(batch_size=data_cfg["batch_size"], num_workers=data_cfg["num_workers"])
    return (
        DataLoader(train_ds, shuffle=True, drop_last=True, **kwargs),
        DataLoader(val_ds, shuffle=False, **kwargs),
        DataLoader(test_ds, shuffle=False, **kwargs),
        dataset.num_classes,
    )
