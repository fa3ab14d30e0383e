import os

import numpy as np
import torch
from torch.utils.data import Dataset


class SleepEpochs(Dataset):
    """30-s single-channel epochs stored per night as npz (x: (n, 3000) at 100 Hz, y: (n,) 0..4)."""

    def __init__(self, npz_dir, subject_ids):
        xs, ys = [], []
        for sid in subject_ids:
            f = np.load(os.path.join(npz_dir, f"{sid}.npz"))
            x = f["x"].astype(np.float32)
            # per-night robust scaling
            med = np.median(x)
            iqr = np.subtract(*np.percentile(x, [75, 25]))
            xs.append((x - med) / (iqr + 1e-6))
            ys.append(f["y"].astype(np.int64))
        self.x = torch.from_numpy(np.concatenate(xs)).unsqueeze(1)
        self.y = torch.from_numpy(np.concatenate(ys))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]
