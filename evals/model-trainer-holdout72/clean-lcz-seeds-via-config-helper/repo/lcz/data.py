import h5py
import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset

from lcz.seeding import worker_init_fn


class LCZPatches(Dataset):
    """So2Sat-style 32x32 Sentinel-2 patches with local climate zone labels."""

    def __init__(self, x, y, augment=False):
        self.x, self.y, self.augment = x, y, augment

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        x = self.x[i]
        if self.augment:
            x = np.rot90(x, k=np.random.randint(4), axes=(1, 2))
            if np.random.rand() < 0.5:
                x = x[:, :, ::-1]
        return torch.from_numpy(np.ascontiguousarray(x)), int(self.y[i])


def load_h5(path):
    with h5py.File(path, "r") as f:
        x = f["sen2"][:].transpose(0, 3, 1, 2).astype("float32")
        y = f["label"][:].argmax(1)
    return x, y


def make_loaders(cfg, generator):
    x_train_full, y_train_full = load_h5(cfg["data"]["train_h5"])
    x_test, y_test = load_h5(cfg["data"]["test_h5"])
    tr, va = train_test_split(np.arange(len(y_train_full)), test_size=cfg["data"]["val_fraction"],
                              stratify=y_train_full, random_state=cfg["seed"])
    common = dict(batch_size=cfg["train"]["batch_size"], num_workers=cfg["train"]["workers"],
                  worker_init_fn=worker_init_fn)
    train = DataLoader(LCZPatches(x_train_full[tr], y_train_full[tr], augment=True),
                       shuffle=True, generator=generator, **common)
    val = DataLoader(LCZPatches(x_train_full[va], y_train_full[va]), shuffle=False, **common)
    test = DataLoader(LCZPatches(x_test, y_test), shuffle=False, **common)
    return train, val, test, y_train_full[tr]
