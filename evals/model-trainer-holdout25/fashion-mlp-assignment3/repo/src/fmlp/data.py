import torch
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

_TF = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.2860,), (0.3530,))])


def build_loaders(root: str, batch_size: int, val_fraction: float, seed: int):
    full_train = datasets.FashionMNIST(root, train=True, download=True, transform=_TF)
    test = datasets.FashionMNIST(root, train=False, download=True, transform=_TF)
    n_val = int(len(full_train) * val_fraction)
    gen = torch.Generator().manual_seed(seed)
    train, val = random_split(full_train, [len(full_train) - n_val, n_val], generator=gen)
    return (
        DataLoader(train, batch_size=batch_size, shuffle=True, generator=gen),
        DataLoader(val, batch_size=512),
        DataLoader(test, batch_size=512),
    )
