"""Sentinel-2 parcel time series: (T=24 acquisitions, C=10 bands) median reflectance per field parcel."""
import numpy as np
import torch
from torch.utils.data import Dataset


class ParcelSeries(Dataset):
    def __init__(self, npz_path: str):
        blob = np.load(npz_path)
        self.x = blob["reflectance"].astype(np.float32)      # (N, T, C)
        self.y = blob["crop_code"].astype(np.int64)           # (N,)
        self.classes = list(blob["class_names"])
        self.indices = np.arange(len(self.y))
        self.mean = None
        self.std = None

    def compute_stats(self, idx):
        """Per-band mean/std over the given parcels and all dates; call with training indices only."""
        sub = self.x[idx].reshape(-1, self.x.shape[-1])
        self.mean = sub.mean(axis=0)
        self.std = sub.std(axis=0) + 1e-6
        return self

    def subset(self, idx):
        view = ParcelSeries.__new__(ParcelSeries)
        view.x, view.y, view.classes = self.x, self.y, self.classes
        view.indices = np.asarray(idx)
        view.mean, view.std = self.mean, self.std
        return view

    def __len__(self):
        return len(self.indices)

    def __getitem__(self, i):
        j = self.indices[i]
        x = (self.x[j] - self.mean) / self.std
        return torch.from_numpy(x), torch.tensor(self.y[j])
