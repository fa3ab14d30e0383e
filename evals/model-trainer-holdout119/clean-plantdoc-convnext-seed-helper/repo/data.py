import torch
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms

from utils import seed_worker

_NORM = transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])


def _tfs(size):
    train = transforms.Compose([
        transforms.RandomResizedCrop(size, scale=(0.5, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.TrivialAugmentWide(),
        transforms.ToTensor(), _NORM,
    ])
    evaluation = transforms.Compose([transforms.Resize(size + 32), transforms.CenterCrop(size), transforms.ToTensor(), _NORM])
    return train, evaluation


def make_loaders(cfg, seed):
    d = cfg["data"]
    train_tf, eval_tf = _tfs(d["image_size"])
    # same folder twice so the val subset gets eval transforms
    full_aug = datasets.ImageFolder(d["train_root"], transform=train_tf)
    full_eval = datasets.ImageFolder(d["train_root"], transform=eval_tf)
    n_val = int(len(full_aug) * d["val_fraction"])
    perm = torch.randperm(len(full_aug), generator=torch.Generator().manual_seed(seed)).tolist()
    val_idx, train_idx = perm[:n_val], perm[n_val:]

    test_ds = datasets.ImageFolder(d["test_root"], transform=eval_tf)
    assert test_ds.classes == full_aug.classes

    kw = dict(batch_size=d["batch_size"], num_workers=d["workers"], pin_memory=True)
    train_dl = DataLoader(Subset(full_aug, train_idx), shuffle=True, worker_init_fn=seed_worker,
                          generator=torch.Generator().manual_seed(seed), **kw)
    val_dl = DataLoader(Subset(full_eval, val_idx), shuffle=False, **kw)
    test_dl = DataLoader(test_ds, shuffle=False, **kw)
    return train_dl, val_dl, test_dl, full_aug.classes
