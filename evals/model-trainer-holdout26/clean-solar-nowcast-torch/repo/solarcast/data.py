import pandas as pd
import torch
from torch.utils.data import Dataset

COLS = ["ghi", "dni", "dhi", "cloud_cover", "temp", "clear_sky_ghi", "pv_kw"]


def read_plant(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path).set_index("ts").sort_index()
    df = df[COLS].resample("15min").mean().interpolate(limit=4).dropna()
    return df


def chronological_split(df, val_start, test_start):
    return df.loc[:val_start].iloc[:-1], df.loc[val_start:test_start].iloc[:-1], df.loc[test_start:]


class Standardizer:
    """Per-feature z-scoring with statistics taken from the tensor passed to fit()."""

    def fit(self, t: torch.Tensor):
        self.mean = t.mean(dim=0, keepdim=True)
        self.std = t.std(dim=0, keepdim=True).clamp_min(1e-6)
        return self

    def __call__(self, t):
        return (t - self.mean) / self.std


class SeqWindows(Dataset):
    def __init__(self, t: torch.Tensor, lookback: int, horizon: int, target_col: int):
        self.t, self.lb, self.h, self.tc = t, lookback, horizon, target_col

    def __len__(self):
        return self.t.shape[0] - self.lb - self.h + 1

    def __getitem__(self, i):
        return self.t[i : i + self.lb], self.t[i + self.lb : i + self.lb + self.h, self.tc]
