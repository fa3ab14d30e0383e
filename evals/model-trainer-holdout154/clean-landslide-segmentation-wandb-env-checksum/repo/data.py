import hashlib
import os

import h5py
import numpy as np
import torch
from torch.utils.data import Dataset


def verify_archive(path, expected_sha256):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    if h.hexdigest() != expected_sha256:
        raise RuntimeError(f"checksum mismatch for {path}")


class LandslidePatches(Dataset):
    """128x128 patches: 12 Sentinel-2 bands + slope + DEM; mask 1 = landslide."""

    def __init__(self, root, list_file, mean, std, flip=False):
        with open(list_file) as f:
            self.names = [line.strip() for line in f if line.strip()]
        self.root = root
        self.mean = np.asarray(mean, np.float32)[:, None, None]
        self.std = np.asarray(std, np.float32)[:, None, None]
        self.flip = flip

    def __len__(self):
        return len(self.names)

    def __getitem__(self, i):
        name = self.names[i]
        with h5py.File(os.path.join(self.root, "img", name), "r") as f:
            x = f["img"][()].transpose(2, 0, 1).astype(np.float32)
        with h5py.File(os.path.join(self.root, "mask", name.replace("image", "mask")), "r") as f:
            y = f["mask"][()].astype(np.float32)
        x = (x - self.mean) / self.std
        if self.flip and torch.rand(1).item() < 0.5:
            x, y = x[:, :, ::-1], y[:, ::-1]
        return torch.from_numpy(x.copy()), torch.from_numpy(y.copy())[None]
