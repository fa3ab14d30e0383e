from pathlib import Path

import albumentations as A
import cv2
import numpy as np
import torch
from torch.utils.data import Dataset

# BCSS labels collapsed to: 0 other, 1 tumour, 2 stroma, 3 inflammatory, 4 necrosis
N_CLASSES = 5
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


def train_augs():
    return A.Compose([
        A.RandomRotate90(), A.HorizontalFlip(), A.VerticalFlip(),
        A.ShiftScaleRotate(shift_limit=0.05, scale_limit=0.1, rotate_limit=15, border_mode=cv2.BORDER_REFLECT, p=0.5),
        A.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])


def eval_augs():
    return A.Normalize(IMAGENET_MEAN, IMAGENET_STD)


class PatchDataset(Dataset):
    def __init__(self, df, cache_dir, transform):
        self.df = df.reset_index(drop=True)
        self.cache_dir = Path(cache_dir)
        self.transform = transform

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        row = self.df.iloc[i]
        image = cv2.cvtColor(cv2.imread(str(self.cache_dir / row.patch_name)), cv2.COLOR_BGR2RGB)
        mask = cv2.imread(row.mask_path, cv2.IMREAD_GRAYSCALE)
        out = self.transform(image=image, mask=mask)
        return torch.from_numpy(out["image"].transpose(2, 0, 1)), torch.from_numpy(out["mask"]).long()
