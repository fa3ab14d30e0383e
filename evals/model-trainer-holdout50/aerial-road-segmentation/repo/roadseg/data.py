from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import torch
from torch.utils.data import Dataset

MEAN = np.array([0.406, 0.428, 0.394], dtype=np.float32)
STD = np.array([0.201, 0.194, 0.203], dtype=np.float32)


def augmentations(size):
    return A.Compose([
        A.RandomCrop(size, size),
        A.HorizontalFlip(), A.VerticalFlip(), A.RandomRotate90(),
        A.RandomBrightnessContrast(0.1, 0.1, p=0.5),
    ])


class RoadTiles(Dataset):
    """Massachusetts Roads, pre-cut into 750x750 tiles under <root>/<split>/{sat,map}."""

    def __init__(self, root, split, size, train=False):
        self.images = sorted((Path(root) / split / "sat").glob("*.png"))
        self.masks = [Path(str(p).replace("/sat/", "/map/")) for p in self.images]
        self.tf = augmentations(size) if train else A.CenterCrop(size, size)

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        img = cv2.cvtColor(cv2.imread(str(self.images[i])), cv2.COLOR_BGR2RGB)
        mask = (cv2.imread(str(self.masks[i]), cv2.IMREAD_GRAYSCALE) > 127).astype(np.float32)
        out = self.tf(image=img, mask=mask)
        img = (out["image"].astype(np.float32) / 255.0 - MEAN) / STD
        return torch.from_numpy(img.transpose(2, 0, 1).copy()), torch.from_numpy(out["mask"])[None]
