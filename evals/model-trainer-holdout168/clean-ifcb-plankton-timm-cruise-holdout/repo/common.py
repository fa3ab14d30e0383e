import os
import random

import numpy as np
import pandas as pd
import torch
from PIL import Image
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import Dataset


def seed_everything(seed):
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def make_splits(df, cfg):
    """Test = fixed list of cruises. Validation = one StratifiedGroupKFold fold of the rest, grouped by cruise."""
    is_test = df["cruise"].isin(cfg["test_cruises"])
    test, dev = df[is_test], df[~is_test].reset_index(drop=True)
    sgkf = StratifiedGroupKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    folds = list(sgkf.split(dev, dev["label"], groups=dev["cruise"]))
    tr_idx, va_idx = folds[cfg["val_fold"]]
    return dev.iloc[tr_idx], dev.iloc[va_idx], test


def pixel_stats(paths, n, seed):
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(paths), size=min(n, len(paths)), replace=False)
    vals = [np.asarray(Image.open(paths[i]).convert("L"), dtype=np.float32) / 255.0 for i in pick]
    flat = np.concatenate([v.ravel() for v in vals])
    return float(flat.mean()), float(flat.std())


class IFCBDataset(Dataset):
    def __init__(self, df, image_dir, classes, transform):
        self.paths = [os.path.join(image_dir, f) for f in df["roi_file"]]
        idx = {c: i for i, c in enumerate(classes)}
        self.labels = [idx[c] for c in df["label"]]
        self.transform = transform

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.transform(Image.open(self.paths[i]).convert("L")), self.labels[i]
