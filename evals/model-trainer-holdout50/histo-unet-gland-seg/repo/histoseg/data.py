"""Patch dataset and helpers for the gland segmentation project."""
from pathlib import Path

import cv2
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_patch_index(root):
    """Read the patch manifest written by extract_patches.py."""
    df = pd.read_csv(Path(root) / "patches.csv")
    df["image_path"] = df["image_path"].map(lambda p: str(Path(root) / p))
    df["mask_path"] = df["mask_path"].map(lambda p: str(Path(root) / p))
    return df


def compute_channel_stats(image_paths, max_images=None):
    """Per-channel mean / std over a list of RGB patches (values in [0, 1])."""
    if max_images is not None:
        image_paths = image_paths[:max_images]
    n_pixels = 0
    channel_sum = np.zeros(3, dtype=np.float64)
    channel_sq_sum = np.zeros(3, dtype=np.float64)
    for p in image_paths:
        img = cv2.cvtColor(cv2.imread(p), cv2.COLOR_BGR2RGB).astype(np.float64) / 255.0
        flat = img.reshape(-1, 3)
        channel_sum += flat.sum(axis=0)
        channel_sq_sum += (flat ** 2).sum(axis=0)
        n_pixels += flat.shape[0]
    mean = channel_sum / n_pixels
    std = np.sqrt(channel_sq_sum / n_pixels - mean ** 2)
    return mean.astype(np.float32), std.astype(np.float32)


class GlandPatchDataset(Dataset):
    def __init__(self, df, mean, std, transform=None):
        self.df = df.reset_index(drop=True)
        self.mean = mean
        self.std = std
        self.transform = transform

    def __len__(self):
        return len(self.df)

    def __getitem__(self, idx):
        row = self.df.iloc[idx]
        image = cv2.cvtColor(cv2.imread(row.image_path), cv2.COLOR_BGR2RGB)
        mask = (cv2.imread(row.mask_path, cv2.IMREAD_GRAYSCALE) > 0).astype(np.float32)
        if self.transform is not None:
            out = self.transform(image=image, mask=mask)
            image, mask = out["image"], out["mask"]
        image = (image.astype(np.float32) / 255.0 - self.mean) / self.std
        image = torch.from_numpy(image.transpose(2, 0, 1).copy())
        mask = torch.from_numpy(mask).unsqueeze(0)
        return image, mask
