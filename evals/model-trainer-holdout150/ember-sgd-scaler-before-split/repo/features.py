"""Helpers for loading EMBER-style vectorized features."""
import json
import os

import numpy as np
from sklearn.preprocessing import StandardScaler

EMBER_DIM = 2381  # feature_version=2


def load_vectorized(data_dir, subset="train"):
    """Read the memmapped X/y produced by ember.create_vectorized_features."""
    y_path = os.path.join(data_dir, f"y_{subset}.dat")
    X_path = os.path.join(data_dir, f"X_{subset}.dat")
    y = np.memmap(y_path, dtype=np.float32, mode="r")
    n_rows = y.shape[0]
    X = np.memmap(X_path, dtype=np.float32, mode="r", shape=(n_rows, EMBER_DIM))
    return np.asarray(X), np.asarray(y)


def drop_unlabeled(X, y):
    # EMBER ships unlabeled samples with y == -1
    mask = y != -1
    return X[mask], y[mask].astype(np.int64)


def prepare_features(X, clip=1e6):
    """Clip the huge raw values (section sizes, timestamps) and standardize."""
    X = np.clip(X, -clip, clip)
    scaler = StandardScaler()
    X_scaled = scaler.fit_transform(X)
    return X_scaled, scaler


def save_metrics(metrics, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)
