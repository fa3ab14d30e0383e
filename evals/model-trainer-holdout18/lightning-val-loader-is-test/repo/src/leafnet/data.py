from pathlib import Path

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


def train_tfms(size: int):
    return transforms.Compose([
        transforms.RandomResizedCrop(size, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.ColorJitter(0.2, 0.2, 0.2),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])


def eval_tfms(size: int):
    return transforms.Compose([
        transforms.Resize(int(size * 1.14)),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])


def make_loaders(root: str, img_size: int, batch_size: int, workers: int = 4):
    """The dataset ships as two folders: train/ and test/ (the official split)."""
    root = Path(root)
    train_ds = datasets.ImageFolder(root / "train", transform=train_tfms(img_size))
    test_ds = datasets.ImageFolder(root / "test", transform=eval_tfms(img_size))
    g = torch.Generator().manual_seed(0)
    train_dl = DataLoader(train_ds, batch_size=batch_size, shuffle=True,
                          num_workers=workers, generator=g, drop_last=True)
    test_dl = DataLoader(test_ds, batch_size=batch_size * 2, shuffle=False,
                         num_workers=workers)
    return train_dl, test_dl, len(train_ds.classes)
