"""Dermoscopy lesion data: patient-level split and train-only normalisation."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def patient_split(meta: pd.DataFrame, val_frac=0.15, test_frac=0.15, seed=0):
    """Permute *patients*, not images, so lesions of one patient never straddle splits."""
    patients = meta["patient_id"].unique()
    perm = np.random.default_rng(seed).permutation(len(patients))
    n_test, n_val = int(len(patients) * test_frac), int(len(patients) * val_frac)
    test_p = set(patients[perm[:n_test]])
    val_p = set(patients[perm[n_test:n_test + n_val]])
    split = np.where(meta["patient_id"].isin(test_p), "test", np.where(meta["patient_id"].isin(val_p), "val", "train"))
    return {name: np.flatnonzero(split == name) for name in ("train", "val", "test")}


def channel_stats(images: torch.Tensor, idx: np.ndarray, chunk=512):
    """Per-channel mean/std over the given indices only (images: N x 3 x H x W, float in [0,1])."""
    s = torch.zeros(3, dtype=torch.float64)
    s2 = torch.zeros(3, dtype=torch.float64)
    n = 0
    for start in range(0, len(idx), chunk):
        batch = images[torch.as_tensor(idx[start:start + chunk])].double()
        s += batch.sum(dim=(0, 2, 3))
        s2 += (batch ** 2).sum(dim=(0, 2, 3))
        n += batch.shape[0] * batch.shape[2] * batch.shape[3]
    mean = s / n
    std = (s2 / n - mean ** 2).sqrt()
    return mean.float().view(3, 1, 1), std.float().view(3, 1, 1)


class LesionDataset(Dataset):
    def __init__(self, images, labels, idx, mean, std, transform=None):
        self.images, self.labels, self.idx = images, labels, idx
        self.mean, self.std, self.transform = mean, std, transform

    def __len__(self):
        return len(self.idx)

    def __getitem__(self, i):
        j = int(self.idx[i])
        img = self.images[j]
        if self.transform is not None:
            img = self.transform(img)
        return (img - self.mean) / self.std, self.labels[j]
