from pathlib import Path

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


def build_transforms(size: int):
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(size, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.ColorJitter(0.2, 0.2, 0.2),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])
    eval_tf = transforms.Compose([
        transforms.Resize(int(size * 1.14)),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
        transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
    ])
    return train_tf, eval_tf


def build_loaders(cfg: dict, worker_init_fn):
    root = Path(cfg["data_root"])
    train_tf, eval_tf = build_transforms(cfg["image_size"])
    sets = {
        "train": datasets.ImageFolder(root / "train", transform=train_tf),
        "val": datasets.ImageFolder(root / "val", transform=eval_tf),
        "test": datasets.ImageFolder(root / "test", transform=eval_tf),
    }
    gen = torch.Generator().manual_seed(cfg["seed"])
    loaders = {
        name: DataLoader(
            ds,
            batch_size=cfg["batch_size"],
            shuffle=(name == "train"),
            num_workers=cfg["num_workers"],
            worker_init_fn=worker_init_fn,
            generator=gen,
        )
        for name, ds in sets.items()
    }
    return loaders, sets["train"].classes
