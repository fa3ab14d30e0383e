"""Segmentation of the WISDM-2019 smartwatch accelerometer stream."""
import numpy as np
import pandas as pd

AXES = ["x", "y", "z"]


def make_windows(df: pd.DataFrame, size: int, step: int):
    """Overlapping windows per (subject, activity) recording; a window never spans two recordings."""
    X, y, g = [], [], []
    for (subject, activity), rec in df.groupby(["subject", "activity"], sort=False):
        sig = rec.sort_values("timestamp")[AXES].to_numpy(np.float32)
        for start in range(0, len(sig) - size + 1, step):
            X.append(sig[start:start + size])
            y.append(activity)
            g.append(subject)
    return np.stack(X), np.asarray(y), np.asarray(g)


def summarise(windows: np.ndarray) -> pd.DataFrame:
    mag = np.linalg.norm(windows, axis=2, keepdims=True)
    sig = np.concatenate([windows, mag], axis=2)
    names = AXES + ["mag"]
    cols = {}
    for i, n in enumerate(names):
        s = sig[:, :, i]
        cols[f"{n}_mean"] = s.mean(1)
        cols[f"{n}_std"] = s.std(1)
        cols[f"{n}_p05"] = np.percentile(s, 5, axis=1)
        cols[f"{n}_p95"] = np.percentile(s, 95, axis=1)
        cols[f"{n}_absdiff"] = np.abs(np.diff(s, axis=1)).mean(1)
        spec = np.abs(np.fft.rfft(s - s.mean(1, keepdims=True), axis=1))
        cols[f"{n}_dom_bin"] = spec.argmax(1)
        cols[f"{n}_spec_energy"] = (spec ** 2).sum(1) / s.shape[1]
    return pd.DataFrame(cols)
