import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_ausgrid(path, category):
    raw = pd.read_csv(path, skiprows=1)  # first row is a title line
    raw = raw[raw["Consumption Category"] == category]
    hh_cols = [c for c in raw.columns if ":" in c]  # "0:30" ... "0:00"
    long = raw.melt(id_vars=["Customer", "date"], value_vars=hh_cols, var_name="hh", value_name="kwh")
    offset = pd.to_timedelta(long["hh"] + ":00")
    offset = offset.where(offset > pd.Timedelta(0), pd.Timedelta(days=1))  # "0:00" closes the day
    long["ts"] = pd.to_datetime(long["date"], format="%d/%m/%Y") + offset - pd.Timedelta(minutes=30)
    wide = long.pivot_table(index="ts", columns="Customer", values="kwh").sort_index()
    return wide.asfreq("30min")


class CustomerWindows(Dataset):
    def __init__(self, z, lookback, horizon, t_from, t_to):
        self.z = torch.from_numpy(z.astype(np.float32))          # [T, customers], already normalised
        hh = np.arange(len(z)) % 48
        self.tod = torch.from_numpy(np.stack([np.sin(2 * np.pi * hh / 48), np.cos(2 * np.pi * hh / 48)], 1).astype(np.float32))
        self.lookback, self.horizon = lookback, horizon
        ts = range(max(lookback, t_from), t_to - horizon + 1, horizon)
        self.items = [(c, t) for c in range(z.shape[1]) for t in ts]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        c, t = self.items[i]
        x = torch.cat([self.z[t - self.lookback:t, c:c + 1], self.tod[t - self.lookback:t]], dim=1)
        return x, self.z[t:t + self.horizon, c], c
