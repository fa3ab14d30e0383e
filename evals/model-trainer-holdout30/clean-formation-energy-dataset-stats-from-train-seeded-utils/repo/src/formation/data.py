"""Composition-descriptor data for formation-energy regression."""
from __future__ import annotations

import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

TARGET = "formation_energy_per_atom"
ID_COLS = ["material_id", "reduced_formula"]


def load_table(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    # one row per composition: keep the lowest-energy polymorph so a formula never spans two splits
    df = df.sort_values(TARGET).drop_duplicates(subset="reduced_formula", keep="first")
    return df.reset_index(drop=True)


def split_indices(n: int, val_frac: float, test_frac: float, seed: int) -> dict[str, np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    n_test, n_val = int(round(n * test_frac)), int(round(n * val_frac))
    return {"test": order[:n_test], "val": order[n_test:n_test + n_val], "train": order[n_test + n_val:]}


class DescriptorDataset(Dataset):
    """Standardises descriptors with statistics computed from *this* frame unless `stats` is given.

    Build the training set first, then pass `train_ds.stats` to the validation and test sets.
    """

    def __init__(self, frame: pd.DataFrame, feature_cols: list[str], stats: dict | None = None):
        x = torch.tensor(frame[feature_cols].to_numpy(np.float32))
        if stats is None:
            stats = {"mean": x.mean(0), "std": x.std(0).clamp_min(1e-6)}
        self.stats = stats
        self.x = (x - stats["mean"]) / stats["std"]
        self.y = torch.tensor(frame[TARGET].to_numpy(np.float32))

    def __len__(self) -> int:
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def build_datasets(df: pd.DataFrame, val_frac: float, test_frac: float, seed: int):
    feature_cols = [c for c in df.columns if c not in ID_COLS + [TARGET]]
    idx = split_indices(len(df), val_frac, test_frac, seed)
    train_ds = DescriptorDataset(df.iloc[idx["train"]], feature_cols)
    val_ds = DescriptorDataset(df.iloc[idx["val"]], feature_cols, stats=train_ds.stats)
    test_ds = DescriptorDataset(df.iloc[idx["test"]], feature_cols, stats=train_ds.stats)
    return train_ds, val_ds, test_ds, feature_cols
