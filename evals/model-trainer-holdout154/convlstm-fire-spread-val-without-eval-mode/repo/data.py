import numpy as np
import torch
from torch.utils.data import Dataset

# channel order in the .npz stacks produced by export_patches.py
CHANNELS = ["elevation", "th", "vs", "tmmn", "tmmx", "sph", "pr", "pdsi", "NDVI", "population", "erc", "PrevFireMask"]


class FireSequenceDataset(Dataset):
    """64x64 patches, T consecutive days of inputs, target = fire mask on day T+1."""

    def __init__(self, npz_path, mean=None, std=None):
        arr = np.load(npz_path)
        self.x = arr["inputs"].astype(np.float32)   # (N, T, C, 64, 64)
        self.y = arr["target"].astype(np.float32)   # (N, 64, 64); -1 = no data
        if mean is None:
            mean = self.x.mean(axis=(0, 1, 3, 4), keepdims=True)[0]
            std = self.x.std(axis=(0, 1, 3, 4), keepdims=True)[0] + 1e-6
        self.mean, self.std = mean, std

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        x = (self.x[idx] - self.mean) / self.std
        return torch.from_numpy(x), torch.from_numpy(self.y[idx])[None]
