from pathlib import Path

import numpy as np
import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import Dataset
from torchvision import transforms


def patient_splits(labels: pd.DataFrame, test_folds: int, val_folds: int, seed: int):
    outer = StratifiedGroupKFold(n_splits=test_folds, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(outer.split(labels, labels["pneumothorax"], labels["patient_id"]))
    dev = labels.iloc[dev_idx].reset_index(drop=True)
    inner = StratifiedGroupKFold(n_splits=val_folds, shuffle=True, random_state=seed)
    tr_idx, va_idx = next(inner.split(dev, dev["pneumothorax"], dev["patient_id"]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], labels.iloc[test_idx].reset_index(drop=True)


def intensity_stats(frame: pd.DataFrame, root: str, image_size: int, sample: int, seed: int):
    """Mean/std of grey levels over a sample of the given (training) images."""
    rng = np.random.default_rng(seed)
    files = rng.choice(frame["file"].to_numpy(), size=min(sample, len(frame)), replace=False)
    resize = transforms.Resize((image_size, image_size))
    total, total_sq, n = 0.0, 0.0, 0
    for f in files:
        arr = np.asarray(resize(Image.open(Path(root) / f).convert("L")), dtype=np.float64) / 255.0
        total += arr.sum()
        total_sq += (arr ** 2).sum()
        n += arr.size
    mean = total / n
    return float(mean), float(np.sqrt(total_sq / n - mean ** 2))


def make_transforms(image_size: int, mean: float, std: float):
    train = transforms.Compose([
        transforms.Resize((image_size, image_size)),
        transforms.RandomAffine(degrees=8, translate=(0.04, 0.04), scale=(0.95, 1.05)),
        transforms.ToTensor(),
        transforms.Normalize([mean], [std]),
    ])
    evaluation = transforms.Compose([
        transforms.Resize((image_size, image_size)),
        transforms.ToTensor(),
        transforms.Normalize([mean], [std]),
    ])
    return train, evaluation


class PtxDataset(Dataset):
    def __init__(self, frame, root, transform):
        self.files = frame["file"].tolist()
        self.labels = frame["pneumothorax"].astype("float32").tolist()
        self.root, self.transform = Path(root), transform

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        image = Image.open(self.root / self.files[i]).convert("L")
        return self.transform(image), torch.tensor(self.labels[i])
