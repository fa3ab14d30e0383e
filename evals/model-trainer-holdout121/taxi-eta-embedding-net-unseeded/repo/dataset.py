import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

NUM_COLS = ["trip_distance", "passenger_count", "hour_sin", "hour_cos", "dow_sin", "dow_cos"]
N_ZONES = 266  # TLC taxi zones 1..265 (+ 0 for unknown)


def load_trips(path):
    df = pd.read_parquet(path, columns=[
        "tpep_pickup_datetime", "tpep_dropoff_datetime", "PULocationID", "DOLocationID",
        "trip_distance", "passenger_count",
    ])
    df["duration_min"] = (df.tpep_dropoff_datetime - df.tpep_pickup_datetime).dt.total_seconds() / 60
    df = df[(df.duration_min.between(1, 180)) & (df.trip_distance.between(0.1, 100))]
    df["passenger_count"] = df.passenger_count.fillna(1).clip(1, 6)
    ts = df.tpep_pickup_datetime
    hour = ts.dt.hour + ts.dt.minute / 60
    df["hour_sin"], df["hour_cos"] = np.sin(2 * np.pi * hour / 24), np.cos(2 * np.pi * hour / 24)
    df["dow_sin"], df["dow_cos"] = np.sin(2 * np.pi * ts.dt.dayofweek / 7), np.cos(2 * np.pi * ts.dt.dayofweek / 7)
    return df


class TripDataset(Dataset):
    def __init__(self, df, mean, std):
        self.pu = torch.tensor(df.PULocationID.clip(0, N_ZONES - 1).to_numpy(), dtype=torch.long)
        self.do = torch.tensor(df.DOLocationID.clip(0, N_ZONES - 1).to_numpy(), dtype=torch.long)
        num = (df[NUM_COLS].to_numpy(dtype=np.float32) - mean) / std
        self.num = torch.tensor(num, dtype=torch.float32)
        self.y = torch.tensor(np.log1p(df.duration_min.to_numpy()), dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.pu[i], self.do[i], self.num[i], self.y[i]
