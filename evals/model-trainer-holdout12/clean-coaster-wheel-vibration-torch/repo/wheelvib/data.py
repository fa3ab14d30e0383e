"""Accelerometer snippets (3 axes, 2 s @ 1 kHz) from coaster train wheel assemblies.

`manifest.csv` carries a `split` column assigned upstream per *train car* (all snippets of one car in one
split), so no car appears in two splits.
"""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

LABELS = ["ok", "worn_polyurethane", "flat_spot", "loose_axle"]


class SnippetDataset(Dataset):
    def __init__(self, manifest: pd.DataFrame, root: str, augment: bool = False, seed: int = 0):
        self.m = manifest.reset_index(drop=True)
        self.root = root
        self.augment = augment
        self.rng = np.random.default_rng(seed)

    def __len__(self):
        return len(self.m)

    def __getitem__(self, i):
        row = self.m.iloc[i]
        x = np.load(f"{self.root}/{row['file']}").astype(np.float32)          # (3, 2000)
        x = (x - x.mean(axis=1, keepdims=True)) / (x.std(axis=1, keepdims=True) + 1e-6)  # per-snippet
        if self.augment:
            x = np.roll(x, self.rng.integers(0, x.shape[1]), axis=1)
        return torch.from_numpy(x), LABELS.index(row["label"])
