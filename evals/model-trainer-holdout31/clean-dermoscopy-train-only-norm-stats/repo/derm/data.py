import numpy as np
import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

CLASSES = ["nevus", "melanoma", "bcc", "bkl", "akiec", "df", "vasc"]


class LesionImages(Dataset):
    def __init__(self, frame: pd.DataFrame, root: str, tf):
        self.files = [f"{root}/{i}.jpg" for i in frame["image_id"]]
        self.y = frame["dx"].map({c: k for k, c in enumerate(CLASSES)}).to_numpy()
        self.tf = tf

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        return self.tf(Image.open(self.files[i]).convert("RGB")), int(self.y[i])


def split_by_patient(meta: pd.DataFrame, seed: int):
    """Several images per lesion and several lesions per patient: group on patient."""
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    dev_i, test_i = next(outer.split(meta, meta["dx"], meta["patient_id"]))
    dev = meta.iloc[dev_i]
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed + 1)
    tr_i, va_i = next(inner.split(dev, dev["dx"], dev["patient_id"]))
    return dev.iloc[tr_i], dev.iloc[va_i], meta.iloc[test_i]


def channel_stats(frame: pd.DataFrame, root: str, size: int, batch: int = 64):
    """Per-channel mean/std of the *training* images (called with the training frame only)."""
    ds = LesionImages(frame, root, T.Compose([T.Resize((size, size)), T.ToTensor()]))
    s, sq, n = torch.zeros(3), torch.zeros(3), 0
    for x, _ in DataLoader(ds, batch_size=batch, num_workers=4):
        s += x.sum(dim=(0, 2, 3))
        sq += (x ** 2).sum(dim=(0, 2, 3))
        n += x.numel() // 3
    mean = s / n
    std = (sq / n - mean ** 2).sqrt()
    return mean.tolist(), std.tolist()


def transforms(size, mean, std):
    train = T.Compose([
        T.RandomResizedCrop(size, scale=(0.7, 1.0)),
        T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
        T.ColorJitter(0.1, 0.1, 0.1),
        T.ToTensor(), T.Normalize(mean, std),
    ])
    evaluation = T.Compose([T.Resize((size, size)), T.ToTensor(), T.Normalize(mean, std)])
    return train, evaluation
