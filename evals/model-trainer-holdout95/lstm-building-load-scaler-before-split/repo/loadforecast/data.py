"""Loading, calendar features and windowing for the building load forecaster."""
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler


def load_meter_csv(path: Path, tz: str = "Europe/Berlin") -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["timestamp"])
    df["timestamp"] = df["timestamp"].dt.tz_localize("UTC").dt.tz_convert(tz)
    df = df.set_index("timestamp").sort_index()
    df = df[~df.index.duplicated(keep="first")]
    # the meter reports every 15 minutes; aggregate to hourly energy
    hourly = df[["load_kwh"]].resample("1h").sum(min_count=1)
    hourly["load_kwh"] = hourly["load_kwh"].interpolate(limit=3)
    return hourly.dropna()


def add_calendar_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    hour = out.index.hour
    dow = out.index.dayofweek
    out["hour_sin"] = np.sin(2 * np.pi * hour / 24)
    out["hour_cos"] = np.cos(2 * np.pi * hour / 24)
    out["dow_sin"] = np.sin(2 * np.pi * dow / 7)
    out["dow_cos"] = np.cos(2 * np.pi * dow / 7)
    out["is_weekend"] = (dow >= 5).astype(float)
    return out


def scale_frame(df: pd.DataFrame, columns):
    scaler = MinMaxScaler()
    scaled = df.copy()
    scaled[columns] = scaler.fit_transform(df[columns])
    return scaled, scaler


def make_windows(values: np.ndarray, target_idx: int, lookback: int, horizon: int):
    X, y = [], []
    for start in range(len(values) - lookback - horizon + 1):
        end = start + lookback
        X.append(values[start:end])
        y.append(values[end:end + horizon, target_idx])
    return np.asarray(X, dtype=np.float32), np.asarray(y, dtype=np.float32)
