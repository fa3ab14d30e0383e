from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import torch
from torch.utils.data import Dataset

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)


def build_transforms(size: int, train: bool) -> A.Compose:
    if train:
        return A.Compose([
            A.RandomResizedCrop(size, size, scale=(0.6, 1.0)),
            A.HorizontalFlip(p=0.5),
            A.VerticalFlip(p=0.5),
            A.RandomRotate90(p=0.5),
            A.ColorJitter(0.2, 0.2, 0.2, 0.05, p=0.5),
            A.Normalize(MEAN, STD),
        ])
    return A.Compose([A.Resize(size, size), A.Normalize(MEAN, STD)])


class PolypDataset(Dataset):
    def __init__(self, root: str, ids, tfm: A.Compose):
        self.root = Path(root)
        self.ids = list(ids)
        self.tfm = tfm

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        name = self.ids[i]
        img = cv2.cvtColor(cv2.imread(str(self.root / "images" / f"{name}.jpg")), cv2.COLOR_BGR2RGB)
        mask = (cv2.imread(str(self.root / "masks" / f"{name}.jpg"), cv2.IMREAD_GRAYSCALE) > 127).astype(np.float32)
        out = self.tfm(image=img, mask=mask)
        x = torch.from_numpy(out["image"].transpose(2, 0, 1))
        y = torch.from_numpy(out["mask"]).unsqueeze(0)
        return x, y
