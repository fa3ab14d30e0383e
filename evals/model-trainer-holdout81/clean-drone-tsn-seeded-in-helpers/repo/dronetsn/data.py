from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms

NORM = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])


def read_index(path):
    """segments.txt: '<frame_dir> <n_frames> <label> <drone_id>' -- one line per action tube."""
    rows = []
    for line in Path(path).read_text().splitlines():
        d, n, lab, drone = line.split()
        rows.append({"dir": d, "n": int(n), "label": int(lab), "drone": int(drone)})
    return rows


class TubeDataset(Dataset):
    def __init__(self, root, rows, k, train):
        self.root, self.rows, self.k, self.train = Path(root), rows, k, train
        aug = [transforms.RandomResizedCrop(160, scale=(0.5, 1.0)), transforms.ColorJitter(0.2, 0.2, 0.2)]
        fixed = [transforms.Resize(176), transforms.CenterCrop(160)]
        self.tf = transforms.Compose((aug if train else fixed) + [transforms.ToTensor(), NORM])

    def __len__(self):
        return len(self.rows)

    def indices(self, n):
        edges = np.linspace(0, n, self.k + 1)
        if self.train:
            return [int(np.random.uniform(a, max(b - 1, a))) for a, b in zip(edges[:-1], edges[1:])]
        return [int((a + b) / 2) for a, b in zip(edges[:-1], edges[1:])]

    def __getitem__(self, i):
        r = self.rows[i]
        imgs = [self.tf(Image.open(self.root / r["dir"] / f"{j:06d}.jpg").convert("RGB"))
                for j in self.indices(r["n"])]
        return torch.stack(imgs), r["label"]
