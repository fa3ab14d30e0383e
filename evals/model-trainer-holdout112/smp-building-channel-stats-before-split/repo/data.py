import glob
import os

import cv2
import numpy as np
import torch
from torch.utils.data import Dataset


def list_pairs(image_dir, mask_dir):
    images = sorted(glob.glob(os.path.join(image_dir, "*.tif")))
    pairs = []
    for img_path in images:
        mask_path = os.path.join(mask_dir, os.path.basename(img_path))
        if os.path.exists(mask_path):
            pairs.append((img_path, mask_path))
    return pairs


def compute_channel_stats(pairs):
    """Per-channel mean/std of the RGB chips, accumulated as running sums."""
    n = 0
    s = np.zeros(3, dtype=np.float64)
    sq = np.zeros(3, dtype=np.float64)
    for img_path, _ in pairs:
        img = cv2.cvtColor(cv2.imread(img_path), cv2.COLOR_BGR2RGB).astype(np.float64) / 255.0
        flat = img.reshape(-1, 3)
        s += flat.sum(0)
        sq += (flat ** 2).sum(0)
        n += flat.shape[0]
    mean = s / n
    std = np.sqrt(sq / n - mean ** 2)
    return mean.astype(np.float32), std.astype(np.float32)


class BuildingDataset(Dataset):
    def __init__(self, pairs, mean, std, transform=None):
        self.pairs = pairs
        self.mean = mean
        self.std = std
        self.transform = transform

    def __len__(self):
        return len(self.pairs)

    def __getitem__(self, idx):
        img_path, mask_path = self.pairs[idx]
        image = cv2.cvtColor(cv2.imread(img_path), cv2.COLOR_BGR2RGB)
        mask = (cv2.imread(mask_path, cv2.IMREAD_GRAYSCALE) > 127).astype(np.float32)
        if self.transform is not None:
            out = self.transform(image=image, mask=mask)
            image, mask = out["image"], out["mask"]
        image = (image.astype(np.float32) / 255.0 - self.mean) / self.std
        image = torch.from_numpy(image.transpose(2, 0, 1).copy())
        mask = torch.from_numpy(mask.copy()).unsqueeze(0)
        return image, mask
