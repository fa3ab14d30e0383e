import numpy as np
from sklearn.model_selection import StratifiedShuffleSplit
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms as T


def _tfms(size, augment):
    ops = [T.Resize((size, size))]
    if augment:
        ops += [T.RandomHorizontalFlip(), T.RandomVerticalFlip(), T.RandomRotation(90)]
    ops += [T.ToTensor(), T.Normalize([0.344, 0.380, 0.408], [0.203, 0.137, 0.116])]
    return T.Compose(ops)


def build_dataloaders(dcfg: dict, seed: int, generator):
    aug = datasets.ImageFolder(dcfg["train_dir"], transform=_tfms(dcfg["image_size"], True))
    plain = datasets.ImageFolder(dcfg["train_dir"], transform=_tfms(dcfg["image_size"], False))
    targets = np.array(aug.targets)
    sss = StratifiedShuffleSplit(n_splits=1, test_size=dcfg["val_fraction"], random_state=seed)
    train_idx, val_idx = next(sss.split(np.zeros(len(targets)), targets))

    test_ds = datasets.ImageFolder(dcfg["test_dir"], transform=_tfms(dcfg["image_size"], False))
    kw = dict(batch_size=dcfg["batch_size"], num_workers=dcfg["workers"], pin_memory=True)
    return {
        "train": DataLoader(Subset(aug, train_idx), shuffle=True, generator=generator, **kw),
        "val": DataLoader(Subset(plain, val_idx), shuffle=False, **kw),
        "test": DataLoader(test_ds, shuffle=False, **kw),
        "classes": aug.classes,
        "train_targets": targets[train_idx],
    }
