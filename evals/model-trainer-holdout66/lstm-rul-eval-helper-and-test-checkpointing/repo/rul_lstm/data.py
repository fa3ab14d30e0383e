import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_frames(cfg):
    train = pd.read_csv(cfg["train_path"])
    test = pd.read_csv(cfg["test_path"])
    final_rul = pd.read_csv(cfg["test_rul_path"])  # columns: unit, rul
    train["rul"] = train.groupby("unit")["cycle"].transform("max") - train["cycle"]
    last = test.groupby("unit")["cycle"].transform("max")
    test = test.merge(final_rul, on="unit")
    test["rul"] = test["rul"] + (last - test["cycle"])
    for frame in (train, test):
        frame["rul"] = frame["rul"].clip(upper=cfg["rul_cap"])
    return train, test


def fit_standardizer(frame, cols):
    mean = frame[cols].mean()
    std = frame[cols].std().replace(0, 1.0)
    return lambda f: (f[cols] - mean) / std


class WindowDataset(Dataset):
    """Sliding windows inside each unit; target is RUL at the last cycle of the window."""

    def __init__(self, frame, cols, window, standardize, last_only=False):
        xs, ys = [], []
        values = standardize(frame).to_numpy(np.float32)
        for _, idx in frame.groupby("unit").indices.items():
            unit_x, unit_y = values[idx], frame["rul"].to_numpy(np.float32)[idx]
            if len(idx) < window:
                pad = np.repeat(unit_x[:1], window - len(idx), axis=0)
                unit_x = np.vstack([pad, unit_x])
                unit_y = np.concatenate([np.repeat(unit_y[:1], window - len(idx)), unit_y])
            starts = [len(unit_x) - window] if last_only else range(len(unit_x) - window + 1)
            for s in starts:
                xs.append(unit_x[s : s + window])
                ys.append(unit_y[s + window - 1])
        self.x = torch.from_numpy(np.stack(xs))
        self.y = torch.from_numpy(np.array(ys, dtype=np.float32))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
