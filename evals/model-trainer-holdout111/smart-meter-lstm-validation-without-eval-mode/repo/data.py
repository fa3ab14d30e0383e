import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

KWH_COL = "KWH/hh (per half hour) "  # trailing space is in the LCL export


def load_lcl(path, n_households):
    df = pd.read_csv(path, usecols=["LCLid", "DateTime", KWH_COL], parse_dates=["DateTime"])
    df["kwh"] = pd.to_numeric(df[KWH_COL], errors="coerce")  # "Null" strings in the raw file
    wide = df.pivot_table(index="DateTime", columns="LCLid", values="kwh", aggfunc="mean")
    wide = wide.asfreq("30min")
    # keep households with near-complete coverage over the study window
    coverage = wide.notna().mean()
    keep = coverage[coverage > 0.97].sort_index().index[:n_households]
    return wide[keep].ffill(limit=4).fillna(0.0)


def time_features(index):
    hh = index.hour * 2 + index.minute // 30
    dow = index.dayofweek
    return np.stack([
        np.sin(2 * np.pi * hh / 48), np.cos(2 * np.pi * hh / 48),
        np.sin(2 * np.pi * dow / 7), np.cos(2 * np.pi * dow / 7),
    ], axis=1).astype(np.float32)


class WindowDataset(Dataset):
    """(household, start) windows over a [T, H] matrix of normalised half-hourly kWh."""

    def __init__(self, values, tfeat, scales, lookback, horizon, stride=1, first_target=0):
        self.values = values.astype(np.float32)
        self.tfeat = tfeat
        self.scales = scales.astype(np.float32)
        self.lookback, self.horizon = lookback, horizon
        starts = range(max(lookback, first_target), len(values) - horizon + 1, stride)
        self.index = [(h, t) for h in range(values.shape[1]) for t in starts]

    def __len__(self):
        return len(self.index)

    def __getitem__(self, i):
        h, t = self.index[i]
        hist = self.values[t - self.lookback:t, h:h + 1]
        x = np.concatenate([hist, self.tfeat[t - self.lookback:t]], axis=1)
        y = self.values[t:t + self.horizon, h]
        return torch.from_numpy(x), torch.from_numpy(y), torch.tensor(self.scales[h])
