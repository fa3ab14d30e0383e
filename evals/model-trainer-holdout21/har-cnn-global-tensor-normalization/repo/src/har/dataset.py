"""Accelerometer/gyroscope windows (N, 6, 128) with activity labels."""
import logging

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

log = logging.getLogger(__name__)


def load_windows(npz_path: str) -> TensorDataset:
    arr = np.load(npz_path)
    signals = torch.from_numpy(arr["x"]).float()
    labels = torch.from_numpy(arr["y"]).long()

    channel_mean = signals.mean(dim=(0, 2), keepdim=True)
    channel_std = signals.std(dim=(0, 2), keepdim=True).clamp_min(1e-6)
    signals = (signals - channel_mean) / channel_std
    log.info("loaded %d windows, %d classes", len(labels), int(labels.max()) + 1)
    return TensorDataset(signals, labels)


def make_loaders(npz_path: str, batch_size: int, seed: int, fractions=(0.7, 0.15, 0.15)):
    ds = load_windows(npz_path)
    gen = torch.Generator().manual_seed(seed)
    train_ds, val_ds, test_ds = random_split(ds, list(fractions), generator=gen)
    train_dl = DataLoader(train_ds, batch_size=batch_size, shuffle=True,
                          generator=torch.Generator().manual_seed(seed))
    val_dl = DataLoader(val_ds, batch_size=512)
    test_dl = DataLoader(test_ds, batch_size=512)
    return train_dl, val_dl, test_dl
