import math
from pathlib import Path

import numpy as np


def byte_counts(path, chunk=1 << 20):
    counts = np.zeros(256, dtype=np.int64)
    with open(path, "rb") as f:
        while True:
            buf = f.read(chunk)
            if not buf:
                break
            counts += np.bincount(np.frombuffer(buf, dtype=np.uint8), minlength=256)
    return counts


def file_features(path):
    counts = byte_counts(path)
    total = counts.sum()
    p = counts[counts > 0] / max(total, 1)
    entropy = float(-(p * np.log2(p)).sum()) if total else 0.0
    printable = counts[0x20:0x7F].sum() / max(total, 1)
    return np.concatenate([counts, [total, entropy, printable, counts[0] / max(total, 1)]])


def build_matrix(paths):
    return np.vstack([file_features(p) for p in paths]).astype(np.float64)


def list_samples(root):
    root = Path(root)
    paths, labels = [], []
    for label, sub in enumerate(["benign", "malicious"]):
        files = sorted(p for p in (root / sub).iterdir() if p.is_file())
        paths += files
        labels += [label] * len(files)
    return paths, np.array(labels)


def log_count_columns(X):
    """Raw byte counts and file size span ~8 orders of magnitude."""
    X = X.copy()
    X[:, :257] = np.log1p(X[:, :257])
    return X
