"""EuroSAT RGB (10 land-cover classes, 64x64) with a stratified train/val/test split."""
import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms

from .utils import seed_worker


def split_indices(targets, val_frac, test_frac, seed):
    idx = np.arange(len(targets))
    dev_idx, test_idx = train_test_split(idx, test_size=test_frac, stratify=targets, random_state=seed)
    train_idx, val_idx = train_test_split(
        dev_idx, test_size=val_frac / (1 - test_frac), stratify=targets[dev_idx], random_state=seed
    )
    return train_idx, val_idx, test_idx


def channel_stats(dataset, indices, batch_size=512):
    """Per-channel mean/std over the given (training) indices only."""
    loader = DataLoader(Subset(dataset, indices), batch_size=batch_size)
    total, sq, n = torch.zeros(3), torch.zeros(3), 0
    for x, _ in loader:
        total += x.sum(dim=(0, 2, 3))
        sq += (x ** 2).sum(dim=(0, 2, 3))
        n += x.numel() // 3
    mean = total / n
    std = (sq / n - mean ** 2).sqrt()
    return mean.tolist(), std.tolist()


def build_loaders(cfg, generator):
    raw = datasets.EuroSAT(cfg["data_root"], transform=transforms.ToTensor(), download=False)
    targets = np.array(raw.targets)
    train_idx, val_idx, test_idx = split_indices(targets, cfg["val_frac"], cfg["test_frac"], cfg["seed"])
    mean, std = channel_stats(raw, train_idx)

    train_tf = transforms.Compose([
        transforms.RandomHorizontalFlip(), transforms.RandomVerticalFlip(),
        transforms.RandomRotation(90), transforms.ToTensor(), transforms.Normalize(mean, std),
    ])
    eval_tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])
    train_ds = datasets.EuroSAT(cfg["data_root"], transform=train_tf, download=False)
    eval_ds = datasets.EuroSAT(cfg["data_root"], transform=eval_tf, download=False)

    common = dict(num_workers=cfg["num_workers"], worker_init_fn=seed_worker, pin_memory=True)
    train_dl = DataLoader(Subset(train_ds, train_idx), batch_size=cfg["batch_size"], shuffle=True,
                          generator=generator, **common)
    val_dl = DataLoader(Subset(eval_ds, val_idx), batch_size=256, **common)
    test_dl = DataLoader(Subset(eval_ds, test_idx), batch_size=256, **common)
    return train_dl, val_dl, test_dl, raw.classes, targets[train_idx], targets[test_idx]
