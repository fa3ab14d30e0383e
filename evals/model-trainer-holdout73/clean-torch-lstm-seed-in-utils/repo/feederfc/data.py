import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_wide(path: str) -> pd.DataFrame:
    long = pd.read_parquet(path)
    wide = long.pivot(index="ts", columns="feeder_id", values="load_kw").sort_index().asfreq("15min")
    return wide.interpolate(limit=4).dropna(axis=1, thresh=int(0.95 * len(wide))).ffill().bfill()


class FeederWindows(Dataset):
    """(feeder, start) windows over a normalised wide frame, with time-of-day/week covariates."""

    def __init__(self, values: np.ndarray, index: pd.DatetimeIndex, lookback: int, horizon: int, stride: int = 1):
        self.values = values.astype(np.float32)
        tod = (index.hour * 4 + index.minute // 15).to_numpy() / 96.0
        dow = index.dayofweek.to_numpy() / 7.0
        self.cov = np.stack([np.sin(2 * np.pi * tod), np.cos(2 * np.pi * tod), dow], axis=1).astype(np.float32)
        self.lookback, self.horizon = lookback, horizon
        starts = np.arange(0, len(values) - lookback - horizon + 1, stride)
        self.pairs = [(f, s) for f in range(values.shape[1]) for s in starts]

    def __len__(self) -> int:
        return len(self.pairs)

    def __getitem__(self, i: int):
        f, s = self.pairs[i]
        e = s + self.lookback
        x = np.concatenate([self.values[s:e, f : f + 1], self.cov[s:e]], axis=1)
        y = self.values[e : e + self.horizon, f]
        return torch.from_numpy(x), torch.from_numpy(y), f
