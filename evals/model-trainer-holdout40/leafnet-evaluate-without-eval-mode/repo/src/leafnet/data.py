from pathlib import Path

import numpy as np
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)


def build_transforms(size):
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(size, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.ColorJitter(0.2, 0.2, 0.2),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])
    eval_tf = transforms.Compose([
        transforms.Resize(int(size * 1.15)),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])
    return train_tf, eval_tf


def make_loaders(cfg, generator):
    train_tf, eval_tf = build_transforms(cfg.image_size)
    root = Path(cfg.data_root)
    train_view = datasets.ImageFolder(root, transform=train_tf)
    eval_view = datasets.ImageFolder(root, transform=eval_tf)
    labels = np.array(train_view.targets)
    idx = np.arange(len(labels))
    dev_idx, test_idx = train_test_split(
        idx, test_size=cfg.test_fraction, stratify=labels, random_state=cfg.seed)
    tr_idx, val_idx = train_test_split(
        dev_idx, test_size=cfg.val_fraction, stratify=labels[dev_idx], random_state=cfg.seed)
    kw = dict(batch_size=cfg.batch_size, num_workers=cfg.num_workers, pin_memory=True)
    return (
        DataLoader(Subset(train_view, tr_idx), shuffle=True, generator=generator, **kw),
        DataLoader(Subset(eval_view, val_idx), shuffle=False, **kw),
        DataLoader(Subset(eval_view, test_idx), shuffle=False, **kw),
        train_view.classes,
    )
