import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

COLS = ["unit_nr", "time_cycles", "setting_1", "setting_2", "setting_3"] + [f"s_{i}" for i in range(1, 22)]


def read_split(data_dir, subset):
    train = pd.read_csv(f"{data_dir}/train_{subset}.txt", sep=r"\s+", header=None, names=COLS)
    test = pd.read_csv(f"{data_dir}/test_{subset}.txt", sep=r"\s+", header=None, names=COLS)
    rul = np.loadtxt(f"{data_dir}/RUL_{subset}.txt")
    return train, test, rul


def add_train_rul(df, max_rul):
    df = df.copy()
    df["RUL"] = df.groupby("unit_nr")["time_cycles"].transform("max") - df["time_cycles"]
    df["RUL"] = df["RUL"].clip(upper=max_rul)
    return df


class SlidingWindows(Dataset):
    """All windows of length `window` from each engine; target = RUL at the window's last cycle."""

    def __init__(self, df, sensors, window):
        xs, ys = [], []
        for _, g in df.groupby("unit_nr"):
            v = g[sensors].to_numpy(np.float32)
            r = g["RUL"].to_numpy(np.float32)
            for end in range(window, len(g) + 1):
                xs.append(v[end - window:end].T)  # (channels, time) for Conv1d
                ys.append(r[end - 1])
        self.x = torch.from_numpy(np.stack(xs))
        self.y = torch.from_numpy(np.asarray(ys))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def last_windows(df, sensors, window):
    """Last window of each test engine, zero-padded at the front for short engines."""
    out = []
    for _, g in df.groupby("unit_nr"):
        v = g[sensors].to_numpy(np.float32)[-window:]
        if len(v) < window:
            v = np.vstack([np.zeros((window - len(v), v.shape[1]), np.float32), v])
        out.append(v.T)
    return torch.from_numpy(np.stack(out))
