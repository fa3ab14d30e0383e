import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import TensorDataset

NUMERIC = ["lane_miles", "scheduled_transit_h", "departure_delay_min", "trailer_fill_pct",
           "stops_enroute", "driver_hos_remaining_h", "forecast_precip_mm", "forecast_wind_kph",
           "origin_dwell_h", "is_team_drive"]
TARGET = "arrival_delay_min"


def split_by_departure(df, val_start, test_start):
    t = df["scheduled_departure"]
    return df[t < val_start], df[(t >= val_start) & (t < test_start)], df[t >= test_start]


def make_datasets(train, val, test):
    scaler = StandardScaler().fit(train[NUMERIC])
    y_scale = float(train[TARGET].std())

    def to_ds(part):
        x = torch.tensor(scaler.transform(part[NUMERIC]), dtype=torch.float32)
        y = torch.tensor(part[TARGET].to_numpy() / y_scale, dtype=torch.float32)
        return TensorDataset(x, y)

    return to_ds(train), to_ds(val), to_ds(test), y_scale
