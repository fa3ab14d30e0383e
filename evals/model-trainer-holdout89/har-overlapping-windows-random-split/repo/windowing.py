"""Sliding-window segmentation and per-window features for tri-axial accelerometer data."""
import numpy as np
import pandas as pd
from scipy import stats

AXES = ["acc_x", "acc_y", "acc_z"]


def sliding_windows(df: pd.DataFrame, window: int, step: int):
    """Yield (subject, window_array, label) for each window of one continuous recording."""
    for subject, rec in df.groupby("subject", sort=True):
        rec = rec.sort_values("timestamp")
        values = rec[AXES].to_numpy(dtype=np.float32)
        labels = rec["activity"].to_numpy()
        for start in range(0, len(rec) - window + 1, step):
            seg = values[start:start + window]
            lab = stats.mode(labels[start:start + window], keepdims=False).mode
            yield subject, seg, lab


def window_features(seg: np.ndarray) -> np.ndarray:
    mag = np.linalg.norm(seg, axis=1)
    feats = []
    for col in list(seg.T) + [mag]:
        feats.extend([
            col.mean(),
            col.std(),
            col.min(),
            col.max(),
            np.percentile(col, 25),
            np.percentile(col, 75),
            np.mean(np.abs(np.diff(col))),
            np.sum(col ** 2) / len(col),
        ])
    corr = np.corrcoef(seg.T)
    feats.extend([corr[0, 1], corr[0, 2], corr[1, 2]])
    return np.nan_to_num(np.asarray(feats, dtype=np.float32))


def build_dataset(df: pd.DataFrame, window: int, step: int):
    X, y, groups = [], [], []
    for subject, seg, lab in sliding_windows(df, window, step):
        X.append(window_features(seg))
        y.append(lab)
        groups.append(subject)
    return np.vstack(X), np.asarray(y), np.asarray(groups)
