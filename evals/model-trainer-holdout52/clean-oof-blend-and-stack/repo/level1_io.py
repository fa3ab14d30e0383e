"""Loading level-1 artefacts written by the per-model training scripts.

Every level-1 script uses the same folds.csv, saves oof_<name>.npy (n_train x n_classes)
predicted on its validation folds, and test_<name>.npy averaged over fold models.
"""
from pathlib import Path

import numpy as np
import pandas as pd


def load_level1(oof_dir, names):
    oof_dir = Path(oof_dir)
    oof = {n: np.load(oof_dir / f"oof_{n}.npy") for n in names}
    test = {n: np.load(oof_dir / f"test_{n}.npy") for n in names}
    folds = pd.read_csv(oof_dir / "folds.csv")["fold"].values
    return oof, test, folds


def encode_labels(status, classes):
    mapping = {c: i for i, c in enumerate(classes)}
    return status.map(mapping).values


def clip_norm(p, eps=1e-15):
    p = np.clip(p, eps, 1 - eps)
    return p / p.sum(axis=1, keepdims=True)
