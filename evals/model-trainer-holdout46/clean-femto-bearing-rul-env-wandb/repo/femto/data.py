from pathlib import Path
from typing import List

import numpy as np
import torch
from torch.utils.data import Dataset


class BearingSnapshots(Dataset):
    """Log-spectrogram snapshots (2 channels x freq bins) with target = remaining life fraction."""

    def __init__(self, root: str, bearings: List[str]):
        xs, ys, ids = [], [], []
        for b in bearings:
            arr = np.load(Path(root) / f"{b}.npz")
            spec = np.log1p(arr["spectra"]).astype(np.float32)
            n = len(spec)
            xs.append(spec)
            ys.append(np.linspace(1.0, 0.0, n, dtype=np.float32))
            ids += [b] * n
        self.x = torch.from_numpy(np.concatenate(xs))
        self.y = torch.from_numpy(np.concatenate(ys))
        self.bearing = np.asarray(ids)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
