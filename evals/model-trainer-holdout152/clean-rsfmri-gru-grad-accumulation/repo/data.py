import json
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


class ICATimeseries(Dataset):
    """Subject-level ICA node time series (T x 21 good components), label: sex (1 = male)."""

    def __init__(self, root, subjects, labels, crop_len, random_crop):
        self.root, self.subjects, self.labels = Path(root), subjects, labels
        self.crop_len, self.random_crop = crop_len, random_crop

    def __len__(self):
        return len(self.subjects)

    def __getitem__(self, i):
        ts = np.load(self.root / f"{self.subjects[i]}_ica25_good21.npy").astype(np.float32)
        ts = (ts - ts.mean(0)) / (ts.std(0) + 1e-6)          # z-score each component over time
        if self.random_crop:
            start = np.random.randint(0, ts.shape[0] - self.crop_len + 1)
        else:
            start = (ts.shape[0] - self.crop_len) // 2
        return torch.from_numpy(ts[start:start + self.crop_len]), torch.tensor(self.labels[i], dtype=torch.float32)


def load_split(split_file):
    s = json.loads(Path(split_file).read_text())
    return {k: (list(v["eid"]), list(v["sex"])) for k, v in s.items()}   # train / val / test
