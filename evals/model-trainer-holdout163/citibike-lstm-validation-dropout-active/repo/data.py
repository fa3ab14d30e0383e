import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

FEATURES = ["pickups", "dropoffs", "temp_c", "precip_mm", "hour_sin", "hour_cos", "is_weekend"]


def load_hourly(path, stations_path):
    df = pd.read_parquet(path)  # station_id, hour_ts, pickups, dropoffs, temp_c, precip_mm
    core = pd.read_csv(stations_path)["station_id"]  # ops-maintained list of core docks
    df = df[df["station_id"].isin(core)].sort_values(["station_id", "hour_ts"])
    h = df["hour_ts"].dt.hour
    df["hour_sin"] = np.sin(2 * np.pi * h / 24)
    df["hour_cos"] = np.cos(2 * np.pi * h / 24)
    df["is_weekend"] = (df["hour_ts"].dt.dayofweek >= 5).astype(float)
    return df


def split_by_time(df, val_start, test_start):
    train = df[df["hour_ts"] < val_start]
    val = df[(df["hour_ts"] >= val_start) & (df["hour_ts"] < test_start)]
    test = df[df["hour_ts"] >= test_start]
    return train, val, test


class StationWindows(Dataset):
    def __init__(self, df, mean, std, lookback=168, horizon=24):
        self.x, self.y = [], []
        for _, g in df.groupby("station_id"):
            feats = ((g[FEATURES] - mean) / std).to_numpy(np.float32)
            target = g["pickups"].to_numpy(np.float32)
            for t in range(lookback, len(g) - horizon + 1, 6):
                self.x.append(feats[t - lookback:t])
                self.y.append(target[t:t + horizon])
        self.x = torch.from_numpy(np.stack(self.x))
        self.y = torch.from_numpy(np.stack(self.y))

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
