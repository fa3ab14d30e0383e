"""Preparation helpers for the Aarhus-Nord heat demand forecaster."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "heat_mwh", "temp_fc_c", "wind_fc_ms", "ghi_fc_wm2",
    "hour_sin", "hour_cos", "dow_sin", "dow_cos", "is_holiday",
]


def load_plant(path, weather_path, holidays_path):
    heat = pd.read_csv(path, parse_dates=["hour_utc"]).set_index("hour_utc")["heat_output_mwh"]
    wx = pd.read_csv(weather_path, parse_dates=["valid_utc"]).set_index("valid_utc")
    hol = pd.to_datetime(pd.read_csv(holidays_path)["date"])

    df = heat.rename("heat_mwh").to_frame().join(wx[["temp_fc_c", "wind_fc_ms", "ghi_fc_wm2"]])
    df = df.asfreq("h")
    local = df.index.tz_convert("Europe/Copenhagen")
    df["hour_sin"] = np.sin(2 * np.pi * local.hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * local.hour / 24)
    df["dow_sin"] = np.sin(2 * np.pi * local.dayofweek / 7)
    df["dow_cos"] = np.cos(2 * np.pi * local.dayofweek / 7)
    df["is_holiday"] = local.tz_localize(None).normalize().isin(hol).astype(float)
    return df.ffill(limit=2).dropna()


def scale_split(part, cols=FEATURES):
    scaler = StandardScaler()
    arr = scaler.fit_transform(part[cols]).astype(np.float32)
    return arr, scaler


def windows(arr, lookback, horizon, target_col=0, future_cols=(1, 2, 3)):
    """History of all features + the weather forecast over the horizon -> next `horizon` hours."""
    Xh, Xf, y = [], [], []
    for t in range(lookback, len(arr) - horizon + 1):
        Xh.append(arr[t - lookback:t])
        Xf.append(arr[t:t + horizon, list(future_cols)])
        y.append(arr[t:t + horizon, target_col])
    return np.stack(Xh), np.stack(Xf), np.stack(y)
