import os

import numpy as np
import torch
from torch.utils.data import Dataset

EXERCISES = ["squat", "deadlift", "lunge", "pushup", "row", "ohp", "plank", "burpee"]


class RepSequences(Dataset):
    """Per-rep BlazePose sequences, already split by subject into three .npz files."""

    def __init__(self, root, file, seq_len=60, train=False):
        d = np.load(os.path.join(root, file))
        self.x = d["pose"].astype(np.float32)        # (N, seq_len, 33, 4): x, y, z, visibility
        self.y = d["exercise"].astype(np.int64)
        self.seq_len, self.train = seq_len, train

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        seq = self.x[i, :, :, :3].copy()
        hip = seq[:, [23, 24]].mean(1, keepdims=True)
        seq = seq - hip
        if self.train:
            seq = seq * np.float32(np.random.uniform(0.9, 1.1))
        return torch.from_numpy(seq.reshape(self.seq_len, -1)), self.y[i]
