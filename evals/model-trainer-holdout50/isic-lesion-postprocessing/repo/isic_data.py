"""ISIC 2018 Task 1 loading utilities shared by the training script and the notebooks."""
from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import torch
from torch.utils.data import Dataset

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
SIZE = 384


def list_pairs(split_dir):
    split_dir = Path(split_dir)
    images = sorted((split_dir / "images").glob("*.jpg"))
    return [(p, split_dir / "masks" / f"{p.stem}_segmentation.png") for p in images]


def eval_transform():
    return A.Compose([A.Resize(SIZE, SIZE), A.Normalize(IMAGENET_MEAN, IMAGENET_STD)])


def train_transform():
    return A.Compose([
        A.RandomResizedCrop(SIZE, SIZE, scale=(0.6, 1.0)),
        A.HorizontalFlip(), A.VerticalFlip(),
        A.ShiftScaleRotate(shift_limit=0.05, scale_limit=0.1, rotate_limit=30, p=0.5),
        A.ColorJitter(0.2, 0.2, 0.2, 0.02, p=0.5),
        A.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])


class LesionDataset(Dataset):
    def __init__(self, pairs, transform):
        self.pairs = pairs
        self.transform = transform

    def __len__(self):
        return len(self.pairs)

    def __getitem__(self, i):
        img_path, mask_path = self.pairs[i]
        image = cv2.cvtColor(cv2.imread(str(img_path)), cv2.COLOR_BGR2RGB)
        mask = (cv2.imread(str(mask_path), cv2.IMREAD_GRAYSCALE) > 127).astype(np.float32)
        out = self.transform(image=image, mask=mask)
        return torch.from_numpy(out["image"].transpose(2, 0, 1)), torch.from_numpy(out["mask"])[None]
