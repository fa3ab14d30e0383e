import os
import random

import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms as T


def read_split(csv_path, labels_path):
    labels = [l.strip() for l in open(labels_path) if l.strip()]
    label2idx = {l: i for i, l in enumerate(labels)}
    df = pd.read_csv(csv_path, sep=";", header=None, names=["id", "label"])
    df["target"] = df["label"].map(label2idx)
    return df, labels


class JesterClips(Dataset):
    """20BN-Jester: every video is a folder of 12 fps JPEG frames (00001.jpg ...)."""

    def __init__(self, frames_root, df, num_frames=16, train=False):
        self.root = frames_root
        self.ids = df["id"].astype(str).tolist()
        self.targets = df["target"].tolist()
        self.num_frames = num_frames
        self.train = train
        norm = T.Normalize([0.45, 0.45, 0.45], [0.225, 0.225, 0.225])
        if train:
            # no horizontal flip: "Swiping Left" vs "Swiping Right" would swap
            self.tf = T.Compose([T.RandomResizedCrop(112, scale=(0.6, 1.0)), T.ColorJitter(0.3, 0.3, 0.2), T.ToTensor(), norm])
        else:
            self.tf = T.Compose([T.Resize(128), T.CenterCrop(112), T.ToTensor(), norm])

    def __len__(self):
        return len(self.ids)

    def sample_indices(self, n):
        if n <= self.num_frames:
            return [min(i, n - 1) for i in range(self.num_frames)]
        if self.train:
            start = random.randint(0, n - self.num_frames)
            return list(range(start, start + self.num_frames))
        start = (n - self.num_frames) // 2
        return list(range(start, start + self.num_frames))

    def __getitem__(self, i):
        folder = os.path.join(self.root, self.ids[i])
        names = sorted(os.listdir(folder))
        idx = self.sample_indices(len(names))
        imgs = [Image.open(os.path.join(folder, names[j])).convert("RGB") for j in idx]
        if self.train:
            # same crop/jitter params for the whole clip
            state = torch.get_rng_state()
            frames = []
            for im in imgs:
                torch.set_rng_state(state)
                frames.append(self.tf(im))
        else:
            frames = [self.tf(im) for im in imgs]
        return torch.stack(frames, dim=1), self.targets[i]  # C, T, H, W
