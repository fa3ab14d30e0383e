import os

import cv2
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

MEAN = torch.tensor([0.43216, 0.394666, 0.37645]).view(3, 1, 1, 1)
STD = torch.tensor([0.22803, 0.22145, 0.216989]).view(3, 1, 1, 1)


class AUTSLVideos(Dataset):
    """AUTSL RGB clips: <split>/signer{S}_sample{N}_color.mp4 with <split>_labels.csv (sample, class_id)."""

    def __init__(self, root, split, num_frames=32, size=112, train=False):
        labels = pd.read_csv(os.path.join(root, f"{split}_labels.csv"), header=None, names=["sample", "label"])
        self.items = [(os.path.join(root, split, f"{s}_color.mp4"), int(l)) for s, l in labels.itertuples(index=False)]
        self.num_frames, self.size, self.train = num_frames, size, train

    def __len__(self):
        return len(self.items)

    def _read(self, path):
        cap = cv2.VideoCapture(path)
        frames = []
        while True:
            ok, f = cap.read()
            if not ok:
                break
            frames.append(cv2.resize(cv2.cvtColor(f, cv2.COLOR_BGR2RGB), (128, 128)))
        cap.release()
        return np.stack(frames)

    def __getitem__(self, i):
        path, label = self.items[i]
        video = self._read(path)
        n = len(video)
        if self.train:
            # random segment-based sampling (TSN style): one random frame per segment
            edges = np.linspace(0, n, self.num_frames + 1)
            idx = [np.random.randint(int(a), max(int(a) + 1, int(b))) for a, b in zip(edges[:-1], edges[1:])]
            y0, x0 = np.random.randint(0, 128 - self.size + 1, size=2)
        else:
            idx = np.linspace(0, n - 1, self.num_frames).astype(int)
            y0 = x0 = (128 - self.size) // 2
        clip = torch.from_numpy(video[np.clip(idx, 0, n - 1), y0:y0 + self.size, x0:x0 + self.size]).float() / 255.0
        clip = clip.permute(3, 0, 1, 2)  # C, T, H, W
        return (clip - MEAN) / STD, label
