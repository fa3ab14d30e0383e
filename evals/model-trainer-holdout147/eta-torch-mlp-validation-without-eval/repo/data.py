import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import Dataset

NUM_COLS = ["route_km", "n_stops_before", "parcel_weight_kg", "dispatch_hour", "temp_c",
            "precip_mm", "hub_backlog", "driver_tenure_days"]
CAT_COLS = ["origin_hub", "service_level", "vehicle_type"]
TARGET = "eta_minutes"


def time_split(df, val_start, test_start):
    ts = pd.to_datetime(df["dispatch_ts"])
    train = df[ts < val_start]
    val = df[(ts >= val_start) & (ts < test_start)]
    test = df[ts >= test_start]
    return train.copy(), val.copy(), test.copy()


class Preprocessor:
    def fit(self, df):
        self.scaler = StandardScaler().fit(df[NUM_COLS])
        self.vocab = {c: {v: i + 1 for i, v in enumerate(sorted(df[c].dropna().unique()))} for c in CAT_COLS}
        self.y_mean, self.y_std = df[TARGET].mean(), df[TARGET].std()
        return self

    def transform(self, df):
        x_num = self.scaler.transform(df[NUM_COLS]).astype(np.float32)
        x_cat = np.stack([df[c].map(self.vocab[c]).fillna(0).astype(int) for c in CAT_COLS], axis=1)
        y = ((df[TARGET] - self.y_mean) / self.y_std).to_numpy(np.float32)
        return x_num, x_cat, y

    @property
    def cardinalities(self):
        return [len(self.vocab[c]) for c in CAT_COLS]


class EtaDataset(Dataset):
    def __init__(self, x_num, x_cat, y):
        self.x_num = torch.from_numpy(x_num)
        self.x_cat = torch.from_numpy(x_cat).long()
        self.y = torch.from_numpy(y)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x_num[i], self.x_cat[i], self.y[i]
