import os

from torch.utils.data import DataLoader
from torchvision import datasets, transforms

from .utils import seeded_generator

MEAN, STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]


def loaders(cfg):
    size = cfg["image_size"]
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(size, scale=(0.7, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.TrivialAugmentWide(),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])
    eval_tf = transforms.Compose([
        transforms.Resize((size, size)),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])
    root = cfg["splits_dir"]
    train_ds = datasets.ImageFolder(os.path.join(root, "train"), train_tf)
    val_ds = datasets.ImageFolder(os.path.join(root, "val"), eval_tf)
    test_ds = datasets.ImageFolder(os.path.join(root, "test"), eval_tf)
    assert train_ds.classes == val_ds.classes == test_ds.classes

    kw = dict(batch_size=cfg["batch_size"], num_workers=cfg["num_workers"], pin_memory=True)
    return (
        DataLoader(train_ds, shuffle=True, generator=seeded_generator(cfg["seed"]), **kw),
        DataLoader(val_ds, shuffle=False, **kw),
        DataLoader(test_ds, shuffle=False, **kw),
        train_ds,
    )
