from pathlib import Path

import numpy as np
import pandas as pd
import tifffile
import torch
from torch.utils.data import Dataset


def index_slices(root):
    """One row per slice: patient id (folder name), image path, mask path."""
    rows = []
    for mask_path in Path(root).glob("*/*_mask.tif"):
        rows.append({
            "patient": mask_path.parent.name,
            "image": str(mask_path).replace("_mask.tif", ".tif"),
            "mask": str(mask_path),
        })
    return pd.DataFrame(rows).sort_values(["patient", "image"]).reset_index(drop=True)


def standardise(img):
    """Per-slice, per-channel z-score (uses only the slice itself)."""
    img = img.astype(np.float32)
    return (img - img.mean(axis=(0, 1))) / (img.std(axis=(0, 1)) + 1e-6)


class SliceSet(Dataset):
    def __init__(self, frame, flip=False):
        self.frame = frame.reset_index(drop=True)
        self.flip = flip

    def __len__(self):
        return len(self.frame)

    def __getitem__(self, i):
        row = self.frame.iloc[i]
        img = standardise(tifffile.imread(row.image)).transpose(2, 0, 1)
        mask = (tifffile.imread(row["mask"]) > 0).astype(np.float32)[None]
        if self.flip and np.random.rand() < 0.5:
            img, mask = img[:, :, ::-1], mask[:, :, ::-1]
        return torch.from_numpy(img.copy()), torch.from_numpy(mask.copy())
