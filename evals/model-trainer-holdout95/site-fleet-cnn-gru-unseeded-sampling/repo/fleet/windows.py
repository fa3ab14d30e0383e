import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

INPUTS = ["net_load_kw", "pv_kw", "soc_pct", "tod_sin", "tod_cos", "dow_sin", "dow_cos"]


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    tod = df["ts"].dt.hour * 4 + df["ts"].dt.minute // 15
    df["tod_sin"] = np.sin(2 * np.pi * tod / 96)
    df["tod_cos"] = np.cos(2 * np.pi * tod / 96)
    df["dow_sin"] = np.sin(2 * np.pi * df["ts"].dt.dayofweek / 7)
    df["dow_cos"] = np.cos(2 * np.pi * df["ts"].dt.dayofweek / 7)
    return df


def site_stats(train_df: pd.DataFrame) -> pd.DataFrame:
    """Per-site scale of the power channels, from the training period only."""
    g = train_df.groupby("site_id")
    return pd.DataFrame({"kw_scale": g["net_load_kw"].apply(lambda s: s.abs().quantile(0.95)).clip(lower=0.1)})


def apply_stats(df: pd.DataFrame, stats: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    scale = out["site_id"].map(stats["kw_scale"])
    out["net_load_kw"] = out["net_load_kw"] / scale
    out["pv_kw"] = out["pv_kw"] / scale
    out["soc_pct"] = out["soc_pct"] / 100.0
    return out


class FleetWindows(Dataset):
    def __init__(self, df: pd.DataFrame, lookback: int, horizon: int, stride: int):
        self.L, self.H = lookback, horizon
        self.series, self.starts = [], []
        for k, (_, g) in enumerate(df.sort_values("ts").groupby("site_id")):
            arr = g[INPUTS].to_numpy(np.float32)
            self.series.append(arr)
            self.starts += [(k, s) for s in range(0, len(arr) - lookback - horizon + 1, stride)]

    def __len__(self):
        return len(self.starts)

    def __getitem__(self, i):
        k, s = self.starts[i]
        a = self.series[k]
        return torch.from_numpy(a[s:s + self.L]), torch.from_numpy(a[s + self.L:s + self.L + self.H, 0])
