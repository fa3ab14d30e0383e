"""Sentinel-2 tile loading and band normalisation."""
from typing import Sequence

import numpy as np
import rasterio
import torch
from torch.utils.data import Dataset

S2_BANDS = ["B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12"]


def read_tile(path: str) -> np.ndarray:
    """Read a (bands, H, W) float32 reflectance array from a 10-band GeoTIFF."""
    with rasterio.open(path) as src:
        arr = src.read(out_dtype="float32")
    return arr / 10000.0


def compute_band_stats(paths: Sequence[str], max_tiles: int = 4000, seed: int = 0):
    """Per-band mean and std over a sample of tiles (streaming, float64 accumulators)."""
    rng = np.random.default_rng(seed)
    paths = list(paths)
    if len(paths) > max_tiles:
        paths = list(rng.choice(paths, size=max_tiles, replace=False))
    n = 0
    s1 = np.zeros(len(S2_BANDS), dtype=np.float64)
    s2 = np.zeros(len(S2_BANDS), dtype=np.float64)
    for p in paths:
        arr = read_tile(p).reshape(len(S2_BANDS), -1)
        s1 += arr.sum(axis=1)
        s2 += (arr.astype(np.float64) ** 2).sum(axis=1)
        n += arr.shape[1]
    mean = s1 / n
    std = np.sqrt(s2 / n - mean ** 2)
    return mean.astype(np.float32), std.astype(np.float32)


class TileDataset(Dataset):
    def __init__(self, paths, labels, mean, std, augment: bool = False):
        self.paths = list(paths)
        self.labels = np.asarray(labels, dtype=np.int64)
        self.mean = torch.tensor(mean).view(-1, 1, 1)
        self.std = torch.tensor(std).view(-1, 1, 1)
        self.augment = augment

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, idx):
        x = torch.from_numpy(read_tile(self.paths[idx]))
        x = (x - self.mean) / self.std
        if self.augment:
            if torch.rand(1).item() < 0.5:
                x = torch.flip(x, dims=[2])
            if torch.rand(1).item() < 0.5:
                x = torch.flip(x, dims=[1])
            x = torch.rot90(x, k=int(torch.randint(0, 4, (1,)).item()), dims=[1, 2])
        return x, self.labels[idx]
