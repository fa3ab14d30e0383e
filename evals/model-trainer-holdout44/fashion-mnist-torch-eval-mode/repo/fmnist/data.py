"""Data loading for the Fashion-MNIST assignment."""
import torch
from torch.utils.data import DataLoader, random_split
from torchvision import datasets, transforms

# Mean/std of the Fashion-MNIST training images (from the course handout).
FMNIST_MEAN = (0.2860,)
FMNIST_STD = (0.3530,)


def get_transforms(train: bool):
    steps = []
    if train:
        steps += [transforms.RandomHorizontalFlip(), transforms.RandomCrop(28, padding=2)]
    steps += [transforms.ToTensor(), transforms.Normalize(FMNIST_MEAN, FMNIST_STD)]
    return transforms.Compose(steps)


def build_loaders(cfg):
    full_train = datasets.FashionMNIST(cfg["data_dir"], train=True, download=True,
                                       transform=get_transforms(train=True))
    test_set = datasets.FashionMNIST(cfg["data_dir"], train=False, download=True,
                                     transform=get_transforms(train=False))

    n_val = int(len(full_train) * cfg["val_fraction"])
    n_train = len(full_train) - n_val
    generator = torch.Generator().manual_seed(cfg["seed"])
    train_set, val_set = random_split(full_train, [n_train, n_val], generator=generator)

    loader_kwargs = dict(batch_size=cfg["batch_size"], num_workers=cfg["num_workers"])
    train_loader = DataLoader(train_set, shuffle=True, generator=generator, **loader_kwargs)
    val_loader = DataLoader(val_set, shuffle=False, **loader_kwargs)
    test_loader = DataLoader(test_set, shuffle=False, **loader_kwargs)
    return train_loader, val_loader, test_loader
