import os
import random

import numpy as np
import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset
from torchvision import transforms

MEAN, STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def make_splits(cfg):
    """Patient-level train/val/test split (patients have up to ~115 images each)."""
    df = pd.read_csv(cfg["data"]["csv"])
    seed = cfg["seed"]
    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["test_size"], random_state=seed)
    dev_idx, test_idx = next(gss.split(df, groups=df["patient_id"]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["val_size"], random_state=seed)
    tr_idx, val_idx = next(gss.split(dev, groups=dev["patient_id"]))
    return dev.iloc[tr_idx].reset_index(drop=True), dev.iloc[val_idx].reset_index(drop=True), test.reset_index(drop=True)


def get_transforms(size, train):
    if train:
        return transforms.Compose([
            transforms.RandomResizedCrop(size, scale=(0.6, 1.0)),
            transforms.RandomHorizontalFlip(), transforms.RandomVerticalFlip(),
            transforms.RandomRotation(90),
            transforms.ColorJitter(brightness=0.15, contrast=0.15, saturation=0.1, hue=0.02),
            transforms.ToTensor(), transforms.Normalize(MEAN, STD),
        ])
    return transforms.Compose([transforms.Resize((size, size)), transforms.ToTensor(), transforms.Normalize(MEAN, STD)])


class MelanomaDataset(Dataset):
    def __init__(self, df, img_dir, tf):
        self.df, self.img_dir, self.tf = df, img_dir, tf

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        row = self.df.iloc[i]
        img = Image.open(os.path.join(self.img_dir, row["image_name"] + ".jpg")).convert("RGB")
        return self.tf(img), torch.tensor(row["target"], dtype=torch.float32)
