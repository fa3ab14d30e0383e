"""UCI-HAR style inertial windows: (n, 9 channels, 128 steps), 6 activities.

The release already separates subjects into train/ and test/; we carve a
validation set out of the training subjects (whole subjects, never windows).
"""
from pathlib import Path

import numpy as np
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import TensorDataset


def _load(root: Path, part: str):
    blob = np.load(root / f"{part}.npz")
    return blob["signals"].astype(np.float32), blob["labels"].astype(np.int64), blob["subjects"]


def build_datasets(root: str, val_fraction: float, seed: int):
    root = Path(root)
    x_tr, y_tr, subj_tr = _load(root, "train")
    x_te, y_te, _ = _load(root, "test")

    gss = GroupShuffleSplit(n_splits=1, test_size=val_fraction, random_state=seed)
    fit_idx, val_idx = next(gss.split(x_tr, y_tr, groups=subj_tr))

    # per-channel standardisation from the fitting subjects only
    mu = x_tr[fit_idx].mean(axis=(0, 2), keepdims=True)
    sd = x_tr[fit_idx].std(axis=(0, 2), keepdims=True) + 1e-6

    def wrap(x, y):
        return TensorDataset(torch.from_numpy((x - mu) / sd), torch.from_numpy(y))

    return wrap(x_tr[fit_idx], y_tr[fit_idx]), wrap(x_tr[val_idx], y_tr[val_idx]), wrap(x_te, y_te)
