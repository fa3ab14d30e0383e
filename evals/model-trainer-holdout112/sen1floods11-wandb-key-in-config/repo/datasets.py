import csv
from pathlib import Path

import numpy as np
import rasterio
import torch
from torch.utils.data import Dataset


def read_split(splits_dir, name):
    with open(Path(splits_dir) / f"flood_{name}_data.csv") as f:
        return [(row[0], row[1]) for row in csv.reader(f)]


class Sen1Floods11(Dataset):
    """Hand-labeled S1 chips (512x512, VV/VH); label -1 = no data, 0 = land, 1 = water."""

    def __init__(self, root, pairs, mean, std, crop=None):
        self.root = Path(root)
        self.pairs = pairs
        self.mean = np.asarray(mean, dtype=np.float32)[:, None, None]
        self.std = np.asarray(std, dtype=np.float32)[:, None, None]
        self.crop = crop

    def __len__(self):
        return len(self.pairs)

    def __getitem__(self, i):
        s1_name, label_name = self.pairs[i]
        with rasterio.open(self.root / "S1Hand" / s1_name) as src:
            x = np.nan_to_num(src.read().astype(np.float32))
        with rasterio.open(self.root / "LabelHand" / label_name) as src:
            y = src.read(1).astype(np.int64)
        x = np.clip(x, -50, 1)
        x = (x + 50) / 51
        x = (x - self.mean) / self.std
        if self.crop:
            r = np.random.randint(0, x.shape[1] - self.crop + 1)
            c = np.random.randint(0, x.shape[2] - self.crop + 1)
            x, y = x[:, r:r + self.crop, c:c + self.crop], y[r:r + self.crop, c:c + self.crop]
            if np.random.rand() < 0.5:
                x, y = x[:, :, ::-1], y[:, ::-1]
        return torch.from_numpy(x.copy()), torch.from_numpy(y.copy())
