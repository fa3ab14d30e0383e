import numpy as np
import torch
import xarray as xr
from torch.utils.data import Dataset


def load_period(cfg, period):
    sl = slice(*period)
    coarse = xr.open_dataset(cfg["data"]["coarse"]).sel(time=sl)
    fine = xr.open_dataset(cfg["data"]["fine"])["t2m"].sel(time=coarse.time)
    x = np.stack([coarse["t2m"].values, coarse["z500"].values], axis=1).astype(np.float32)
    y = fine.values[:, None].astype(np.float32)
    return x, y


def channel_stats(x):
    return x.mean(axis=(0, 2, 3), keepdims=True)[0], x.std(axis=(0, 2, 3), keepdims=True)[0] + 1e-6


class DownscalingDataset(Dataset):
    def __init__(self, x, y, x_stats, y_stats):
        self.x = torch.from_numpy((x - x_stats[0]) / x_stats[1])
        self.y = torch.from_numpy((y - y_stats[0]) / y_stats[1])

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
