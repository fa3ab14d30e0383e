"""ImageFolder loaders. The dataset ships with fixed train/ val/ test/ folders."""
from pathlib import Path

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

MEAN, STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


def _tfms(size: int, train: bool):
    if train:
        return transforms.Compose([
            transforms.RandomResizedCrop(size, scale=(0.6, 1.0)),
            transforms.RandomHorizontalFlip(),
            transforms.ColorJitter(0.2, 0.2, 0.1),
            transforms.ToTensor(),
            transforms.Normalize(MEAN, STD),
        ])
    return transforms.Compose([
        transforms.Resize(int(size * 1.14)),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])


def make_loaders(root: str, size: int, batch_size: int, num_workers: int, seed: int):
    root = Path(root)
    g = torch.Generator().manual_seed(seed)
    train_ds = datasets.ImageFolder(root / "train", _tfms(size, train=True))
    val_ds = datasets.ImageFolder(root / "val", _tfms(size, train=False))
    test_ds = datasets.ImageFolder(root / "test", _tfms(size, train=False))
    train_dl = DataLoader(train_ds, batch_size, shuffle=True, num_workers=num_workers, generator=g, drop_last=True)
    val_dl = DataLoader(val_ds, batch_size * 2, num_workers=num_workers)
    test_dl = DataLoader(test_ds, batch_size * 2, num_workers=num_workers)
    return train_dl, val_dl, test_dl, train_ds.classes
