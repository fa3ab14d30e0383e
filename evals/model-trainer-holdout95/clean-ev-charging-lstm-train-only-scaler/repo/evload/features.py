import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

SCALED = ["energy_kwh", "n_sessions"]


def hourly_demand(sessions_csv: str, holidays=None) -> pd.DataFrame:
    s = pd.read_csv(sessions_csv, parse_dates=["plug_in", "plug_out"])
    s["hour"] = s["plug_in"].dt.floor("1h")
    hourly = s.groupby("hour").agg(energy_kwh=("energy_kwh", "sum"), n_sessions=("session_id", "count"))
    hourly = hourly.asfreq("1h").fillna(0.0)  # an hour without sessions is a true zero
    idx = hourly.index
    hourly["hour_sin"] = np.sin(2 * np.pi * idx.hour / 24)
    hourly["hour_cos"] = np.cos(2 * np.pi * idx.hour / 24)
    hourly["dow_sin"] = np.sin(2 * np.pi * idx.dayofweek / 7)
    hourly["dow_cos"] = np.cos(2 * np.pi * idx.dayofweek / 7)
    hourly["holiday"] = idx.normalize().isin(pd.to_datetime(holidays or [])).astype(float)
    return hourly


def fit_scaler(train_frame: pd.DataFrame) -> StandardScaler:
    return StandardScaler().fit(train_frame[SCALED])


def apply_scaler(frame: pd.DataFrame, scaler: StandardScaler) -> pd.DataFrame:
    out = frame.copy()
    out[SCALED] = scaler.transform(frame[SCALED])
    return out


def windows(arr: np.ndarray, lookback: int, horizon: int):
    n = len(arr) - lookback - horizon + 1
    X = np.stack([arr[i:i + lookback] for i in range(n)]).astype(np.float32)
    y = np.stack([arr[i + lookback:i + lookback + horizon, 0] for i in range(n)]).astype(np.float32)
    return X, y
