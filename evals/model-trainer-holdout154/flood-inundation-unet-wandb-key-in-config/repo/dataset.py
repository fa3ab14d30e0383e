import os

import numpy as np
import pandas as pd
import rasterio
import torch
from torch.utils.data import Dataset


class Sen1Floods11(Dataset):
    """Sentinel-1 VV/VH chips with hand-labelled water masks (1 = water, 0 = dry, -1 = no data)."""

    def __init__(self, root, split_csv, mean, std, clip_db, augment=False):
        pairs = pd.read_csv(split_csv, header=None, names=["s1", "label"])
        self.s1 = [os.path.join(root, "S1Hand", f) for f in pairs["s1"]]
        self.lab = [os.path.join(root, "LabelHand", f) for f in pairs["label"]]
        self.mean = np.asarray(mean, dtype=np.float32)[:, None, None]
        self.std = np.asarray(std, dtype=np.float32)[:, None, None]
        self.clip_db = clip_db
        self.augment = augment

    def __len__(self):
        return len(self.s1)

    def __getitem__(self, i):
        with rasterio.open(self.s1[i]) as src:
            x = np.nan_to_num(src.read().astype(np.float32), nan=self.clip_db[0])
        with rasterio.open(self.lab[i]) as src:
            y = src.read(1).astype(np.int64)
        x = (np.clip(x, *self.clip_db) - self.mean) / self.std
        if self.augment:
            if torch.rand(1).item() < 0.5:
                x, y = x[:, :, ::-1], y[:, ::-1]
            if torch.rand(1).item() < 0.5:
                x, y = x[:, ::-1, :], y[::-1, :]
        return torch.from_numpy(x.copy()), torch.from_numpy(y.copy())
