"""Loading and tensor preparation for the pneumonia CXR classifier.

The npy file holds one frontal study per patient (duplicates removed upstream),
shape (N, 224, 224), uint8.
"""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_tensors(images_path: str, labels_path: str):
    raw = np.load(images_path, mmap_mode="r")
    labels = pd.read_csv(labels_path)["pneumonia"].to_numpy().astype(np.float32)
    x = torch.from_numpy(np.ascontiguousarray(raw)).float().div_(255.0).unsqueeze(1)
    # per-dataset intensity normalisation
    mean = x.mean()
    std = x.std()
    x = (x - mean) / std
    return x, torch.from_numpy(labels), {"mean": float(mean), "std": float(std)}


def permuted_split(n: int, val_frac: float, test_frac: float, seed: int):
    perm = np.random.default_rng(seed).permutation(n)
    n_test = int(round(n * test_frac))
    n_val = int(round(n * val_frac))
    test_idx = perm[:n_test]
    val_idx = perm[n_test:n_test + n_val]
    train_idx = perm[n_test + n_val:]
    return train_idx, val_idx, test_idx


class CXRDataset(Dataset):
    def __init__(self, x: torch.Tensor, y: torch.Tensor, idx: np.ndarray, augment=None):
        self.x, self.y, self.idx, self.augment = x, y, idx, augment

    def __len__(self):
        return len(self.idx)

    def __getitem__(self, i):
        j = int(self.idx[i])
        img = self.x[j]
        if self.augment is not None:
            img = self.augment(img)
        return img, self.y[j]
