from pathlib import Path

import numpy as np
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms

MEAN, STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)


def build_transforms(img_size: int):
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(img_size, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.ColorJitter(0.2, 0.2, 0.2),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])
    eval_tf = transforms.Compose([
        transforms.Resize(int(img_size * 1.14)),
        transforms.CenterCrop(img_size),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])
    return train_tf, eval_tf


def make_loaders(cfg):
    train_tf, eval_tf = build_transforms(cfg["img_size"])
    root = Path(cfg["data_root"])
    base_train = datasets.ImageFolder(root, transform=train_tf)
    base_eval = datasets.ImageFolder(root, transform=eval_tf)
    targets = np.array(base_train.targets)
    idx = np.arange(len(targets))

    dev_idx, test_idx = train_test_split(
        idx, test_size=cfg["test_fraction"], stratify=targets, random_state=cfg["seed"]
    )
    train_idx, val_idx = train_test_split(
        dev_idx, test_size=cfg["val_fraction"], stratify=targets[dev_idx], random_state=cfg["seed"]
    )

    kw = dict(batch_size=cfg["batch_size"], num_workers=cfg["num_workers"], pin_memory=True)
    return (
        DataLoader(Subset(base_train, train_idx), shuffle=True, drop_last=True, **kw),
        DataLoader(Subset(base_eval, val_idx), shuffle=False, **kw),
        DataLoader(Subset(base_eval, test_idx), shuffle=False, **kw),
        base_train.classes,
        targets[train_idx],
    )
