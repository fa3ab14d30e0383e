from pathlib import Path

from torch.utils.data import DataLoader
from torchvision import datasets, transforms


def make_loaders(cfg, batch_size):
    size = cfg["image_size"]
    train_tf = transforms.Compose([
        transforms.Grayscale(),
        transforms.Resize((size, size)),
        transforms.RandomRotation(8),
        transforms.RandomResizedCrop(size, scale=(0.85, 1.0)),
        transforms.ToTensor(),
        transforms.Normalize([0.5], [0.25]),
    ])
    eval_tf = transforms.Compose([
        transforms.Grayscale(),
        transforms.Resize((size, size)),
        transforms.ToTensor(),
        transforms.Normalize([0.5], [0.25]),
    ])
    root = Path(cfg["root"])
    sets = {
        "train": datasets.ImageFolder(root / "train", transform=train_tf),
        "val": datasets.ImageFolder(root / "val", transform=eval_tf),
        "test": datasets.ImageFolder(root / "test", transform=eval_tf),
    }
    loaders = {
        name: DataLoader(ds, batch_size=batch_size, shuffle=(name == "train"),
                         num_workers=cfg["num_workers"], pin_memory=True)
        for name, ds in sets.items()
    }
    return sets, loaders
