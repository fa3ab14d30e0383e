import json

import numpy as np
import torch
from torch.utils.data import Dataset

TASKS = ["EMOTION", "GAMBLING", "LANGUAGE", "MOTOR", "RELATIONAL", "SOCIAL", "WM"]


class BlockPatterns(Dataset):
    """Block-averaged BOLD patterns (z-scored within run upstream) on the Glasser-360 parcellation."""

    def __init__(self, npz_path, subjects):
        d = np.load(npz_path, allow_pickle=True)
        mask = np.isin(d["subject"], list(subjects))
        self.X = torch.from_numpy(d["X"][mask].astype(np.float32))
        self.y = torch.from_numpy(np.searchsorted(TASKS, d["task"][mask]).astype(np.int64))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.X[i], self.y[i]


def load_splits(path):
    with open(path) as f:
        s = json.load(f)
    return s["train"], s["val"], s["test"]
