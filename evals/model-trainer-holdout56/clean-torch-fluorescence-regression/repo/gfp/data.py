import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, TensorDataset


def load_gfp(table_path, emb_path, max_train_mutations, val_fraction, rng):
    """Low-order mutants (<= max_train_mutations) for training/validation, higher-order mutants for test."""
    df = pd.read_csv(table_path)
    emb = np.load(emb_path).astype(np.float32)
    assert len(df) == len(emb)
    y = df["log_fluorescence"].to_numpy(np.float32)
    low = np.flatnonzero(df["num_mutations"] <= max_train_mutations)
    test = np.flatnonzero(df["num_mutations"] > max_train_mutations)
    low = rng.permutation(low)
    n_val = int(len(low) * val_fraction)
    val, train = low[:n_val], low[n_val:]
    return {name: (emb[idx], y[idx]) for name, idx in [("train", train), ("val", val), ("test", test)]}


def make_loader(X, y, batch_size, shuffle, generator=None):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, generator=generator)
