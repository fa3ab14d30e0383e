import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import Dataset

FEATURES = ["pm25", "pm10", "no2", "co", "temp", "rh", "pressure", "wind_speed", "hour_sin", "hour_cos"]


def load_station(path):
    df = pd.read_csv(path, parse_dates=["datetime"]).set_index("datetime").asfreq("h")
    df[FEATURES[:-2]] = df[FEATURES[:-2]].ffill(limit=2)
    df["hour_sin"] = np.sin(2 * np.pi * df.index.hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df.index.hour / 24)
    return df[FEATURES]


def chrono_split(df, val_start, test_start):
    train = df[df.index < val_start]
    val = df[(df.index >= val_start) & (df.index < test_start)]
    test = df[df.index >= test_start]
    return train, val, test


def fit_scaler(train_df):
    return StandardScaler().fit(train_df.dropna().to_numpy())


class WindowDataset(Dataset):
    def __init__(self, df, scaler, lookback, horizon):
        arr = scaler.transform(df.to_numpy())
        self.x, self.y = [], []
        for i in range(lookback, len(arr) - horizon + 1):
            x, y = arr[i - lookback:i], arr[i:i + horizon, 0]
            if np.isnan(x).any() or np.isnan(y).any():
                continue
            self.x.append(x)
            self.y.append(y)
        self.x = torch.tensor(np.stack(self.x), dtype=torch.float32)
        self.y = torch.tensor(np.stack(self.y), dtype=torch.float32)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
