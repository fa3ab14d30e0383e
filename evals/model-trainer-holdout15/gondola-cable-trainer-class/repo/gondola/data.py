from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


class RopeSegments(Dataset):
    """Magnetic rope test (MRT) traces cut into fixed-length segments.

    Each .npz holds one inspection run of one haul rope: `lf` (local-fault channel),
    `lma` (loss of metallic area channel) and per-segment labels `broken_cluster`.
    """

    def __init__(self, files: list[Path], segment_len: int):
        xs, ys = [], []
        for f in files:
            run = np.load(f)
            sig = np.stack([run["lf"], run["lma"]]).astype(np.float32)
            n = sig.shape[1] // segment_len
            for k in range(n):
                xs.append(sig[:, k * segment_len:(k + 1) * segment_len])
                ys.append(run["broken_cluster"][k])
        self.x = torch.from_numpy(np.stack(xs))
        self.y = torch.tensor(ys, dtype=torch.float32)
        # per-segment standardisation (no dataset statistics involved)
        self.x = (self.x - self.x.mean(dim=2, keepdim=True)) / (self.x.std(dim=2, keepdim=True) + 1e-6)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
