import numpy as np
import torch
import xarray as xr
from torch.utils.data import Dataset


def channel_stats(ds, inputs, period):
    sub = ds[inputs].sel(time=slice(*period))
    mean = sub.mean(dim=("time", "y", "x")).to_array().values
    std = sub.std(dim=("time", "y", "x")).to_array().values
    return mean.astype(np.float32), std.astype(np.float32)


class FloodSequences(Dataset):
    """Samples ending on each day in `period`: inputs days t-L+1..t, target = water mask on t+1."""

    def __init__(self, ds, inputs, target, period, seq_len, mean, std):
        x = ds[inputs].to_array("channel").transpose("time", "channel", "y", "x")
        self.x = ((x.values - mean[None, :, None, None]) / std[None, :, None, None]).astype(np.float32)
        self.x = np.nan_to_num(self.x)
        self.y = ds[target].transpose("time", "y", "x").values.astype(np.float32)
        times = ds["time"].values
        start, end = np.datetime64(period[0]), np.datetime64(period[1])
        self.ends = [i for i, t in enumerate(times)
                     if start <= t <= end and i >= seq_len - 1 and i + 1 < len(times) and times[i + 1] <= end]
        self.seq_len = seq_len

    def __len__(self):
        return len(self.ends)

    def __getitem__(self, k):
        i = self.ends[k]
        x = self.x[i - self.seq_len + 1:i + 1]
        y = self.y[i + 1][None]
        return torch.from_numpy(x), torch.from_numpy(y)


def open_cube(path):
    return xr.open_dataset(path).sortby("time")
