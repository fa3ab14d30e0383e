import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_panel(path):
    df = pd.read_csv(path, parse_dates=["Date"], dtype={"StateHoliday": str})
    panel = df.pivot(index="Date", columns="Store", values="Sales").sort_index().fillna(0.0)
    promo = df.pivot(index="Date", columns="Store", values="Promo").sort_index().fillna(0.0)
    return panel, promo


class WindowDataset(Dataset):
    """(store, t) windows: past `lookback` days of scaled sales + promo -> next `horizon` days."""

    def __init__(self, sales, promo, t_index, lookback, horizon):
        self.sales, self.promo = sales.astype(np.float32), promo.astype(np.float32)
        self.L, self.H = lookback, horizon
        n_stores = sales.shape[1]
        self.items = [(s, t) for t in t_index for s in range(n_stores)]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        s, t = self.items[i]
        x = np.stack([self.sales[t - self.L:t, s], self.promo[t - self.L:t, s]])
        fut_promo = self.promo[t:t + self.H, s]
        y = self.sales[t:t + self.H, s]
        return torch.from_numpy(x), torch.from_numpy(fut_promo), torch.from_numpy(y)
