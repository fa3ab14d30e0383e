import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from torch.utils.data import TensorDataset

COLS = ["speed", "course_sin", "course_cos", "distance_from_shore", "distance_from_port", "gap_h"]


def read(csv):
    df = pd.read_csv(csv).query("is_fishing >= 0").sort_values(["mmsi", "timestamp"])
    df["label"] = (df["is_fishing"] > 0.5).astype(np.float32)
    df["course_sin"] = np.sin(np.radians(df["course"]))
    df["course_cos"] = np.cos(np.radians(df["course"]))
    df["gap_h"] = df.groupby("mmsi")["timestamp"].diff().fillna(0).clip(0, 48 * 3600) / 3600
    return df.reset_index(drop=True)


def vessel_split(df, test_frac, val_frac, seed):
    a = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    dev_idx, test_idx = next(a.split(df, groups=df["mmsi"]))
    dev = df.iloc[dev_idx]
    b = GroupShuffleSplit(n_splits=1, test_size=val_frac, random_state=seed + 1)
    tr_idx, va_idx = next(b.split(dev, groups=dev["mmsi"]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], df.iloc[test_idx]


def windows(df, scaler, window):
    """Each sample: the `window` positions up to and including t; label = is_fishing at t."""
    xs, ys = [], []
    for _, g in df.groupby("mmsi"):
        x = scaler.transform(g[COLS]).astype(np.float32)
        y = g["label"].to_numpy()
        for t in range(window - 1, len(g)):
            xs.append(x[t - window + 1:t + 1])
            ys.append(y[t])
    return TensorDataset(torch.from_numpy(np.stack(xs)), torch.tensor(ys, dtype=torch.float32))


def make_datasets(df, cfg, seed):
    tr, va, te = vessel_split(df, cfg["test_frac"], cfg["val_frac"], seed)
    scaler = StandardScaler().fit(tr[COLS])
    return [windows(part, scaler, cfg["window"]) for part in (tr, va, te)]
