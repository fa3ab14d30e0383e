"""Chest X-ray dataset and patient-level splitting."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import Dataset
from torchvision import transforms

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def build_transforms(image_size: int):
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(image_size, scale=(0.85, 1.0)),
        transforms.RandomRotation(7),
        transforms.ColorJitter(brightness=0.1, contrast=0.1),
        transforms.Grayscale(num_output_channels=3),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])
    eval_tf = transforms.Compose([
        transforms.Resize(image_size),
        transforms.CenterCrop(image_size),
        transforms.Grayscale(num_output_channels=3),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])
    return train_tf, eval_tf


def split_by_patient(labels: pd.DataFrame, val_fraction: float, test_fraction: float, seed: int):
    """Assign whole patients to train/val/test so no patient's studies cross splits."""
    n_test = int(round(1 / test_fraction))
    sgkf = StratifiedGroupKFold(n_splits=n_test, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(sgkf.split(labels, labels["pneumonia"], labels["patient_id"]))
    dev = labels.iloc[dev_idx].reset_index(drop=True)
    n_val = int(round((1 - test_fraction) / val_fraction))
    sgkf = StratifiedGroupKFold(n_splits=n_val, shuffle=True, random_state=seed)
    tr_idx, val_idx = next(sgkf.split(dev, dev["pneumonia"], dev["patient_id"]))
    return dev.iloc[tr_idx], dev.iloc[val_idx], labels.iloc[test_idx]


class ChestXrayDataset(Dataset):
    def __init__(self, frame: pd.DataFrame, image_dir: str, transform):
        self.frame = frame.reset_index(drop=True)
        self.image_dir = Path(image_dir)
        self.transform = transform

    def __len__(self):
        return len(self.frame)

    def __getitem__(self, idx):
        row = self.frame.iloc[idx]
        image = Image.open(self.image_dir / row["image_file"]).convert("L")
        label = torch.tensor(float(row["pneumonia"]), dtype=torch.float32)
        return self.transform(image), label
