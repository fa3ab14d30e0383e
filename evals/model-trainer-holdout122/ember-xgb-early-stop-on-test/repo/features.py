"""Thin wrapper around the vectorized EMBER feature files (X_train.dat / X_test.dat)."""
import os

import numpy as np

N_FEATURES = {1: 2351, 2: 2381}


def _memmap(path, n_rows, n_cols, dtype=np.float32):
    return np.memmap(path, dtype=dtype, mode="r", shape=(n_rows, n_cols) if n_cols else (n_rows,))


def read_split(data_dir, subset, feature_version=2):
    y_path = os.path.join(data_dir, f"y_{subset}.dat")
    y = np.memmap(y_path, dtype=np.float32, mode="r")
    n_rows = y.shape[0]
    X = _memmap(os.path.join(data_dir, f"X_{subset}.dat"), n_rows, N_FEATURES[feature_version])
    return X, y


def labeled_only(X, y):
    # EMBER ships ~200k unlabeled samples in train with label -1
    mask = y != -1
    return np.asarray(X[mask]), np.asarray(y[mask]).astype(np.int32)
