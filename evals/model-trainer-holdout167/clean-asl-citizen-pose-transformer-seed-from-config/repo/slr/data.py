import os
import random

import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class CitizenPoses(Dataset):
    def __init__(self, splits_dir, pose_dir, split, gloss2idx, max_frames=64, augment=None):
        df = pd.read_csv(os.path.join(splits_dir, f"{split}.csv"))  # Participant ID, Video file, Gloss, ASL-LEX Code
        self.items = [(os.path.join(pose_dir, os.path.splitext(v)[0] + ".npy"), gloss2idx[g])
                      for v, g in zip(df["Video file"], df["Gloss"])]
        self.max_frames = max_frames
        self.augment = augment

    def __len__(self):
        return len(self.items)

    def _augment(self, seq):
        a = self.augment
        t = len(seq)
        keep = max(8, int(t * random.uniform(a["temporal_crop"], 1.0)))
        start = random.randint(0, t - keep) if t > keep else 0
        seq = seq[start:start + keep]
        theta = np.deg2rad(random.uniform(-a["rotate_deg"], a["rotate_deg"]))
        rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]], dtype=np.float32)
        seq[..., :2] = (seq[..., :2] - 0.5) @ rot.T * (1 + np.random.uniform(-a["scale"], a["scale"])) + 0.5
        return seq

    def __getitem__(self, i):
        path, label = self.items[i]
        seq = np.load(path).astype(np.float32)[..., :2]
        if self.augment is not None:
            seq = self._augment(seq)
        idx = np.linspace(0, len(seq) - 1, self.max_frames).round().astype(int)
        seq = np.nan_to_num(seq[idx], nan=0.0)
        return torch.from_numpy(seq.reshape(self.max_frames, -1)), label
