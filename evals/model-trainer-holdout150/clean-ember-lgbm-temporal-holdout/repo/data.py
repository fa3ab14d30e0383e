import os

import numpy as np
import pandas as pd

NDIM = 2381


def load_ember(data_dir):
    """Vectorized train+test features concatenated, aligned with metadata.csv rows."""
    meta = pd.read_csv(os.path.join(data_dir, "metadata.csv"))  # sha256, appeared, label, subset
    parts = []
    for subset in ("train", "test"):
        n = int((meta["subset"] == subset).sum())
        X = np.memmap(os.path.join(data_dir, f"X_{subset}.dat"), dtype=np.float32, mode="r", shape=(n, NDIM))
        parts.append(np.asarray(X))
    meta = pd.concat([meta[meta["subset"] == "train"], meta[meta["subset"] == "test"]], ignore_index=True)
    return np.vstack(parts), meta


def temporal_split(meta, train_end, val_end):
    """Month-based split on EMBER's `appeared` field (YYYY-MM); unlabeled rows dropped."""
    labeled = meta["label"] != -1
    month = meta["appeared"].astype(str)
    idx_train = np.flatnonzero(labeled & (month <= train_end))
    idx_val = np.flatnonzero(labeled & (month > train_end) & (month <= val_end))
    idx_test = np.flatnonzero(labeled & (month > val_end))
    return idx_train, idx_val, idx_test
