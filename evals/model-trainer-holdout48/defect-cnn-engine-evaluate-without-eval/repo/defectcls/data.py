from __future__ import annotations

from pathlib import Path

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

MEAN, STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


def make_transforms(size: int, train: bool):
    if train:
        return transforms.Compose([
            transforms.RandomResizedCrop(size, scale=(0.8, 1.0)),
            transforms.RandomHorizontalFlip(),
            transforms.RandomVerticalFlip(),
            transforms.ColorJitter(0.1, 0.1),
            transforms.ToTensor(),
            transforms.Normalize(MEAN, STD),
        ])
    return transforms.Compose([
        transforms.Resize(size),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])


def build_loaders(cfg: dict, seed: int) -> tuple[dict[str, DataLoader], list[str]]:
    root = Path(cfg["root"])
    loaders, classes = {}, None
    for split in ("train", "val", "test"):
        ds = datasets.ImageFolder(root / split, transform=make_transforms(cfg["image_size"], split == "train"))
        classes = classes or ds.classes
        loaders[split] = DataLoader(
            ds, batch_size=cfg["batch_size"], shuffle=split == "train", num_workers=cfg["num_workers"],
            pin_memory=True, generator=torch.Generator().manual_seed(seed),
        )
    return loaders, classes
