"""Shared preprocessing for the daily station demand models (Capital Bikeshare)."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

NUMERIC = [
    "temp_max_c", "temp_min_c", "precip_mm", "wind_kph", "humidity",
    "lag_7", "lag_14", "roll_mean_28", "dock_capacity", "dist_to_metro_m",
]
CYCLIC = ["doy_sin", "doy_cos", "dow_sin", "dow_cos"]
BINARY = ["is_holiday", "is_weekend", "federal_shutdown"]


def add_features(df):
    df = df.sort_values(["station_id", "date"]).copy()
    g = df.groupby("station_id")["rides"]
    df["lag_7"] = g.shift(7)
    df["lag_14"] = g.shift(14)
    df["roll_mean_28"] = g.transform(lambda s: s.shift(7).rolling(28).mean())
    doy, dow = df["date"].dt.dayofyear, df["date"].dt.dayofweek
    df["doy_sin"], df["doy_cos"] = np.sin(2 * np.pi * doy / 365.25), np.cos(2 * np.pi * doy / 365.25)
    df["dow_sin"], df["dow_cos"] = np.sin(2 * np.pi * dow / 7), np.cos(2 * np.pi * dow / 7)
    df["is_weekend"] = (dow >= 5).astype(int)
    return df.dropna(subset=["lag_14", "roll_mean_28"])


def make_matrix(df, scaler=None):
    """Return model matrix; pass the training scaler when building validation/test matrices."""
    if scaler is None:
        scaler = StandardScaler()
    num = scaler.fit_transform(df[NUMERIC])
    X = np.hstack([num, df[CYCLIC].to_numpy(), df[BINARY].to_numpy()])
    return X.astype(np.float32), scaler


def target(df):
    return np.log1p(df["rides"].to_numpy())
