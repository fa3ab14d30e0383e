import numpy as np
import pandas as pd
import torch
from torch.utils.data import TensorDataset


def load(cfg):
    df = pd.read_csv(cfg["data"]["csv"], parse_dates=["timestamp"]).set_index("timestamp").asfreq("h")
    df = df[cfg["data"]["columns"]]
    df["pm25"] = np.log1p(df["pm25"].clip(lower=0))
    return df


def split(df, cfg):
    s = cfg["split"]
    return df.loc[: s["train_end"]], df.loc[s["val_start"]: s["val_end"]], df.loc[s["test_start"]:]


class Normalizer:
    def fit(self, df):
        self.mu, self.sd = df.mean(), df.std().replace(0, 1.0)
        return self

    def __call__(self, df):
        return (df - self.mu) / self.sd


def to_windows(df, lookback, horizon):
    a = df.to_numpy(np.float32)
    xs, ys = [], []
    for i in range(lookback, len(a) - horizon + 1):
        x, y = a[i - lookback:i], a[i:i + horizon, 0]
        if np.isfinite(x).all() and np.isfinite(y).all():
            xs.append(x); ys.append(y)
    return TensorDataset(torch.from_numpy(np.stack(xs)), torch.from_numpy(np.stack(ys)))
