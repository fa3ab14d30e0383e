from pathlib import Path

import numpy as np
import torch
from PIL import Image
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms


class CXRFrame(Dataset):
    def __init__(self, frame, root, transform):
        self.paths = [Path(root) / p for p in frame["path"]]
        self.labels = frame["label"].to_numpy(dtype=np.float32)
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = self.transform(Image.open(self.paths[i]).convert("L"))
        return img, torch.tensor(self.labels[i])


def patient_split(frame, seed, n_splits=5):
    """Hold out one stratified, patient-grouped fold for test, then one more (from the rest) for validation."""
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(sgkf.split(frame, frame["label"], groups=frame["patient_id"]))
    dev, test = frame.iloc[dev_idx], frame.iloc[test_idx]
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed + 1)
    tr_idx, va_idx = next(sgkf.split(dev, dev["label"], groups=dev["patient_id"]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], test


def mean_std(frame, root, size, batch_size=64):
    """Pixel mean/std of the given frame only (call it with the training frame)."""
    ds = CXRFrame(frame, root, transforms.Compose([transforms.Resize((size, size)), transforms.ToTensor()]))
    s = sq = n = 0.0
    for x, _ in DataLoader(ds, batch_size=batch_size, num_workers=4):
        s += x.sum().item()
        sq += (x ** 2).sum().item()
        n += x.numel()
    m = s / n
    return m, (sq / n - m * m) ** 0.5


def make_transforms(size, mean, std):
    norm = transforms.Normalize([mean], [std])
    train_tf = transforms.Compose([
        transforms.Resize((size + 16, size + 16)),
        transforms.RandomCrop(size),
        transforms.RandomAffine(degrees=7, translate=(0.03, 0.03), scale=(0.95, 1.05)),
        transforms.ToTensor(),
        norm,
    ])
    eval_tf = transforms.Compose([transforms.Resize((size, size)), transforms.ToTensor(), norm])
    return train_tf, eval_tf


def thumbnails(frame, root, side=32):
    """Flattened low-resolution images for the classical baseline."""
    return np.stack([
        np.asarray(Image.open(Path(root) / p).convert("L").resize((side, side)), dtype=np.float32).ravel() / 255.0
        for p in frame["path"]
    ])
