from pathlib import Path

from torch.utils.data import DataLoader
from torchvision import datasets, transforms

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


def _transforms(size: int, train: bool):
    if train:
        return transforms.Compose(
            [
                transforms.RandomResizedCrop(size, scale=(0.7, 1.0)),
                transforms.RandomHorizontalFlip(),
                transforms.ColorJitter(0.2, 0.2, 0.1),
                transforms.ToTensor(),
                transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
            ]
        )
    return transforms.Compose(
        [
            transforms.Resize(int(size * 1.14)),
            transforms.CenterCrop(size),
            transforms.ToTensor(),
            transforms.Normalize(IMAGENET_MEAN, IMAGENET_STD),
        ]
    )


def build_loaders(cfg: dict):
    root = Path(cfg["data_root"])
    train_ds = datasets.ImageFolder(root / "train", transform=_transforms(cfg["image_size"], True))
    test_ds = datasets.ImageFolder(root / "test", transform=_transforms(cfg["image_size"], False))
    train_loader = DataLoader(
        train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=cfg["num_workers"], pin_memory=True
    )
    test_loader = DataLoader(test_ds, batch_size=cfg["batch_size"] * 2, num_workers=cfg["num_workers"])
    return train_loader, test_loader, train_ds.classes
