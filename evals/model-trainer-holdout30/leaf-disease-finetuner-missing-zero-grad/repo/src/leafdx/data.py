"""ImageFolder loaders for the leaf-disease dataset (train/val/test folders made by scripts/split_images.py)."""
from __future__ import annotations

from pathlib import Path

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


def _transforms(train: bool, size: int):
    if train:
        return transforms.Compose([
            transforms.RandomResizedCrop(size, scale=(0.7, 1.0)),
            transforms.RandomHorizontalFlip(),
            transforms.ColorJitter(0.2, 0.2, 0.2),
            transforms.ToTensor(),
            transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
        ])
    return transforms.Compose([
        transforms.Resize(int(size * 1.14)),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])


def make_loaders(root: str, size: int, batch_size: int, workers: int, seed: int):
    base = Path(root)
    train_ds = datasets.ImageFolder(base / "train", transform=_transforms(True, size))
    val_ds = datasets.ImageFolder(base / "val", transform=_transforms(False, size))
    test_ds = datasets.ImageFolder(base / "test", transform=_transforms(False, size))
    g = torch.Generator().manual_seed(seed)
    return (
        DataLoader(train_ds, batch_size=batch_size, shuffle=True, num_workers=workers, generator=g, pin_memory=True),
        DataLoader(val_ds, batch_size=batch_size, num_workers=workers, pin_memory=True),
        DataLoader(test_ds, batch_size=batch_size, num_workers=workers, pin_memory=True),
        train_ds.classes,
    )
