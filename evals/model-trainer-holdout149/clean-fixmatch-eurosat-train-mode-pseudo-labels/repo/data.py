import numpy as np
from sklearn.model_selection import train_test_split
from torch.utils.data import Subset
from torchvision import datasets, transforms as T

NORM = T.Normalize((0.344, 0.380, 0.408), (0.203, 0.137, 0.116))
weak_tf = T.Compose([T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
                     T.RandomCrop(64, padding=6, padding_mode="reflect"), T.ToTensor(), NORM])
strong_tf = T.Compose([T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
                       T.RandomCrop(64, padding=6, padding_mode="reflect"),
                       T.RandAugment(num_ops=2, magnitude=9), T.ToTensor(), NORM, T.RandomErasing()])
eval_tf = T.Compose([T.ToTensor(), NORM])


class TwoViews:
    def __call__(self, img):
        return weak_tf(img), strong_tf(img)


def make_splits(cfg):
    root, seed = cfg["image_root"], cfg["seed"]
    targets = np.array(datasets.ImageFolder(root).targets)
    idx = np.arange(len(targets))
    rest, test_idx = train_test_split(idx, test_size=cfg["test_frac"], stratify=targets, random_state=seed)
    train_idx, val_idx = train_test_split(rest, test_size=cfg["val_frac"], stratify=targets[rest],
                                          random_state=seed)
    rng = np.random.default_rng(seed)
    lab_idx = np.concatenate([
        rng.choice(train_idx[targets[train_idx] == c], cfg["labels_per_class"], replace=False)
        for c in np.unique(targets)
    ])
    unl_idx = np.setdiff1d(train_idx, lab_idx)
    return {
        "labeled": Subset(datasets.ImageFolder(root, transform=weak_tf), lab_idx),
        "unlabeled": Subset(datasets.ImageFolder(root, transform=TwoViews()), unl_idx),
        "val": Subset(datasets.ImageFolder(root, transform=eval_tf), val_idx),
        "test": Subset(datasets.ImageFolder(root, transform=eval_tf), test_idx),
    }
