from __future__ import annotations

import numpy as np
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms

from welds.repro import worker_init_fn

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


def build_transforms(size: int):
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(size, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.ColorJitter(brightness=0.2, contrast=0.2),
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


def make_loaders(cfg: dict, seed: int):
    dc = cfg["data"]
    train_tf, eval_tf = build_transforms(dc["image_size"])
    train_view = datasets.ImageFolder(dc["root"], transform=train_tf)
    eval_view = datasets.ImageFolder(dc["root"], transform=eval_tf)
    labels = np.array(train_view.targets)
    idx = np.arange(len(labels))

    holdout = dc["val_size"] + dc["test_size"]
    train_idx, rest_idx = train_test_split(idx, test_size=holdout, stratify=labels, random_state=seed)
    val_idx, test_idx = train_test_split(
        rest_idx, test_size=dc["test_size"] / holdout, stratify=labels[rest_idx], random_state=seed
    )

    common = dict(batch_size=dc["batch_size"], num_workers=dc["num_workers"], worker_init_fn=worker_init_fn)
    loaders = {
        "train": DataLoader(Subset(train_view, train_idx), shuffle=True, drop_last=True, **common),
        "val": DataLoader(Subset(eval_view, val_idx), shuffle=False, **common),
        "test": DataLoader(Subset(eval_view, test_idx), shuffle=False, **common),
    }
    return loaders, train_view.classes, labels[train_idx]
