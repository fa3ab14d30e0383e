import os

import numpy as np
import torch
from torch.utils.data import Dataset

COCO_FLIP = [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]


class GymSkeletons(Dataset):
    def __init__(self, root, split_dir, split, num_frames=64, aug=None):
        with open(os.path.join(split_dir, f"{split}.txt")) as f:
            self.items = [line.strip().split(",") for line in f if line.strip()]   # clip_file,label
        self.root, self.T = root, num_frames
        self.aug = aug if split == "train" else None

    def __len__(self):
        return len(self.items)

    def _sample_frames(self, n):
        if self.aug is not None:
            # random segment-based sampling for training
            edges = np.linspace(0, n, self.T + 1)
            return np.array([np.random.randint(int(a), max(int(a) + 1, int(b))) for a, b in zip(edges[:-1], edges[1:])])
        return np.linspace(0, n - 1, self.T).round().astype(int)

    def _augment(self, xy):
        a = self.aug
        th = np.deg2rad(np.random.uniform(-a["rotate_deg"], a["rotate_deg"]))
        R = np.array([[np.cos(th), -np.sin(th)], [np.sin(th), np.cos(th)]], dtype=np.float32)
        xy = xy @ R.T * np.random.uniform(*a["scale"])
        if np.random.rand() < a["flip_prob"]:
            xy = xy[:, COCO_FLIP] * np.array([-1.0, 1.0], dtype=np.float32)
        return xy

    def __getitem__(self, i):
        fname, label = self.items[i]
        kp = np.load(os.path.join(self.root, fname)).astype(np.float32)        # (T0, 17, 3)
        kp = kp[self._sample_frames(len(kp))]
        xy, score = kp[..., :2], kp[..., 2:]
        center = (xy[:, 11] + xy[:, 12]) / 2                                  # hip midpoint
        size = np.linalg.norm(xy[:, 5] - xy[:, 11], axis=-1).mean() + 1e-6
        xy = (xy - center[:, None]) / size
        if self.aug is not None:
            xy = self._augment(xy)
        x = np.concatenate([xy, score], -1).transpose(2, 0, 1)                 # (3, T, V)
        return torch.from_numpy(np.ascontiguousarray(x)), int(label)
