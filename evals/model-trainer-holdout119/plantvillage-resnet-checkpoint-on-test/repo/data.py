import os

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]


def build_transforms(size):
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(size, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.RandomVerticalFlip(),
        transforms.ColorJitter(0.2, 0.2, 0.2, 0.02),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])
    eval_tf = transforms.Compose([
        transforms.Resize(int(size * 1.14)),
        transforms.CenterCrop(size),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])
    return train_tf, eval_tf


def build_loaders(cfg, seed):
    d = cfg["data"]
    train_tf, eval_tf = build_transforms(d["image_size"])
    train_ds = datasets.ImageFolder(os.path.join(d["root"], d["train_dir"]), transform=train_tf)
    test_ds = datasets.ImageFolder(os.path.join(d["root"], d["test_dir"]), transform=eval_tf)
    g = torch.Generator().manual_seed(seed)
    train_loader = DataLoader(train_ds, batch_size=d["batch_size"], shuffle=True,
                              num_workers=d["num_workers"], pin_memory=True, generator=g)
    test_loader = DataLoader(test_ds, batch_size=d["batch_size"], shuffle=False,
                             num_workers=d["num_workers"], pin_memory=True)
    return train_loader, test_loader, train_ds.classes
