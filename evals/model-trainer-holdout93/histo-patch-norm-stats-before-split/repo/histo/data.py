from pathlib import Path

import numpy as np
import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset


class PatchDataset(Dataset):
    """256x256 H&E patches listed in a manifest with columns path, slide_id, label."""

    def __init__(self, manifest: pd.DataFrame, root: str, transform=None):
        self.paths = manifest["path"].tolist()
        self.labels = manifest["label"].astype(int).tolist()
        self.root = Path(root)
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, idx):
        img = Image.open(self.root / self.paths[idx]).convert("RGB")
        if self.transform is not None:
            img = self.transform(img)
        return img, self.labels[idx]


def compute_channel_stats(manifest: pd.DataFrame, root: str, n_max: int = 20000, seed: int = 0):
    """Per-channel mean/std over (a random sample of) the patches in `manifest`."""
    rng = np.random.default_rng(seed)
    idx = rng.choice(len(manifest), size=min(n_max, len(manifest)), replace=False)
    total = np.zeros(3, dtype=np.float64)
    total_sq = np.zeros(3, dtype=np.float64)
    n_pixels = 0
    for i in idx:
        arr = np.asarray(Image.open(Path(root) / manifest["path"].iloc[i]).convert("RGB"), dtype=np.float64) / 255.0
        flat = arr.reshape(-1, 3)
        total += flat.sum(axis=0)
        total_sq += (flat ** 2).sum(axis=0)
        n_pixels += flat.shape[0]
    mean = total / n_pixels
    std = np.sqrt(total_sq / n_pixels - mean ** 2)
    return mean.tolist(), std.tolist()


def collate_with_labels(batch):
    images = torch.stack([b[0] for b in batch])
    labels = torch.tensor([b[1] for b in batch], dtype=torch.long)
    return images, labels
