import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_network(path, stations, variables):
    df = pd.read_parquet(path)
    df["valid_time"] = pd.to_datetime(df["valid_time"])
    df = df[df["station_id"].isin(stations)]
    wide = df.pivot_table(index="valid_time", columns="station_id", values=variables)
    wide = wide.asfreq("h").interpolate(limit=3)
    return wide


class ChannelScaler:
    """Per-channel mean/std computed on the training period only."""

    def fit(self, values):
        self.mean_ = np.nanmean(values, axis=0)
        self.std_ = np.nanstd(values, axis=0) + 1e-6
        return self

    def transform(self, values):
        return (values - self.mean_) / self.std_

    def inverse_transform(self, values):
        return values * self.std_ + self.mean_


class WindowDataset(Dataset):
    def __init__(self, values, context_length, prediction_length, stride=1):
        self.values = values.astype(np.float32)
        self.context_length = context_length
        self.prediction_length = prediction_length
        total = context_length + prediction_length
        starts = range(0, len(values) - total + 1, stride)
        self.starts = [s for s in starts if not np.isnan(self.values[s:s + total]).any()]

    def __len__(self):
        return len(self.starts)

    def __getitem__(self, i):
        s = self.starts[i]
        c, p = self.context_length, self.prediction_length
        return {
            "past_values": torch.from_numpy(self.values[s:s + c]),
            "future_values": torch.from_numpy(self.values[s + c:s + c + p]),
        }
