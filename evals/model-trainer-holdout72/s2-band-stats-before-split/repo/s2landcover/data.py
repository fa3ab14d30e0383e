"""Patch loading and dataset utilities for the Sentinel-2 land-cover classifier."""
from pathlib import Path

import numpy as np
import pandas as pd
import rasterio
import torch
from torch.utils.data import Dataset

S2_BANDS = ["B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12"]


def read_patch(path):
    with rasterio.open(path) as src:
        arr = src.read(out_dtype="float32")
        nodata = src.nodata
    if nodata is not None:
        arr[arr == nodata] = 0.0
    return arr / 10000.0


def load_patches(root, index_csv):
    root = Path(root)
    index = pd.read_csv(index_csv)
    patches = np.stack([read_patch(root / p) for p in index["patch_path"]])
    labels = index["label"].to_numpy()
    return patches, labels, index


def compute_band_stats(patches):
    mean = patches.mean(axis=(0, 2, 3))
    std = patches.std(axis=(0, 2, 3)) + 1e-6
    return mean.astype("float32"), std.astype("float32")


class PatchDataset(Dataset):
    def __init__(self, patches, labels, mean, std, augment=False):
        self.patches = patches
        self.labels = labels
        self.mean = mean[:, None, None]
        self.std = std[:, None, None]
        self.augment = augment

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        x = (self.patches[idx] - self.mean) / self.std
        if self.augment:
            if np.random.rand() < 0.5:
                x = x[:, :, ::-1]
            if np.random.rand() < 0.5:
                x = x[:, ::-1, :]
            x = np.rot90(x, k=np.random.randint(4), axes=(1, 2))
        x = torch.from_numpy(np.ascontiguousarray(x))
        return x, int(self.labels[idx])
