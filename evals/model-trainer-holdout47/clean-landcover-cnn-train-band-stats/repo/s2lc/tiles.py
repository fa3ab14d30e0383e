"""Tile IO and normalisation for 13-band Sentinel-2 L1C patches."""
import numpy as np
import torch
from torch.utils.data import Dataset

N_BANDS = 13


def load_patch(path: str) -> np.ndarray:
    """(13, 64, 64) top-of-atmosphere reflectance, DN / 10000 clipped to [0, 1]."""
    arr = np.load(path).astype(np.float32)
    return np.clip(arr / 10000.0, 0.0, 1.0)


def band_statistics(paths):
    """Per-band mean/std accumulated over the given patches."""
    total = np.zeros(N_BANDS, dtype=np.float64)
    total_sq = np.zeros(N_BANDS, dtype=np.float64)
    count = 0
    for p in paths:
        a = load_patch(p).reshape(N_BANDS, -1).astype(np.float64)
        total += a.sum(axis=1)
        total_sq += (a ** 2).sum(axis=1)
        count += a.shape[1]
    mean = total / count
    return mean.astype(np.float32), np.sqrt(total_sq / count - mean ** 2).astype(np.float32)


def band_means_table(paths):
    """Per-patch mean reflectance, used as features for the pixel-statistics baseline."""
    return np.stack([load_patch(p).mean(axis=(1, 2)) for p in paths])


class PatchDataset(Dataset):
    def __init__(self, paths, labels, mean, std, train: bool):
        self.paths, self.labels = list(paths), np.asarray(labels)
        self.mean = torch.from_numpy(mean)[:, None, None]
        self.std = torch.from_numpy(std)[:, None, None]
        self.train = train

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        x = (torch.from_numpy(load_patch(self.paths[i])) - self.mean) / self.std
        if self.train:
            k = int(torch.randint(0, 4, (1,)))
            x = torch.rot90(x, k, dims=(1, 2))
            if torch.rand(1) < 0.5:
                x = x.flip(2)
        return x, int(self.labels[i])
