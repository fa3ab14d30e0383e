"""Feature building for the SFpark off-street garage occupancy forecaster (1h ahead)."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

STEPS_PER_HOUR = 4  # 15-minute sensor snapshots


def load_occupancy(path, lots_path):
    occ = pd.read_csv(path, parse_dates=["timestamp"])
    lots = pd.read_csv(lots_path, usecols=["lot_id", "capacity", "district"])
    occ = occ.merge(lots, on="lot_id", how="left")
    occ["occ_rate"] = (occ["occupied_spaces"] / occ["capacity"]).clip(0, 1)
    return occ.sort_values(["lot_id", "timestamp"]).reset_index(drop=True)


def add_calendar(df, holidays):
    hour = df["timestamp"].dt.hour + df["timestamp"].dt.minute / 60
    df["hour_sin"] = np.sin(2 * np.pi * hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * hour / 24)
    df["dow"] = df["timestamp"].dt.dayofweek
    df["is_holiday"] = df["timestamp"].dt.normalize().isin(holidays).astype(int)
    return df


def add_lags(df):
    g = df.groupby("lot_id")["occ_rate"]
    df["occ_now"] = df["occ_rate"]
    df["occ_lag_1h"] = g.shift(STEPS_PER_HOUR)
    df["occ_lag_24h"] = g.shift(24 * STEPS_PER_HOUR)
    df["occ_lag_168h"] = g.shift(168 * STEPS_PER_HOUR)
    df["occ_rate_t_plus_1h"] = g.shift(-STEPS_PER_HOUR)
    return df.dropna(subset=["occ_lag_168h", "occ_rate_t_plus_1h"]).reset_index(drop=True)


def scale_numeric(df, cols):
    scaler = StandardScaler()
    df[cols] = scaler.fit_transform(df[cols])
    return df, scaler
