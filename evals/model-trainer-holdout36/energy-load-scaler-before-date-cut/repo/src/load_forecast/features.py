"""Feature engineering for day-ahead hourly load forecasting.

The forecast for day D is produced at 10:00 on day D-1, so all load-based
features use lags of at least 24 hours (here: 24h, 48h and 168h).
"""
import numpy as np
import pandas as pd

WEATHER = ["temp_c", "dewpoint_c", "wind_ms", "cloud_cover"]


def calendar_features(frame: pd.DataFrame) -> pd.DataFrame:
    idx = frame.index
    frame["hour_sin"] = np.sin(2 * np.pi * idx.hour / 24)
    frame["hour_cos"] = np.cos(2 * np.pi * idx.hour / 24)
    frame["dow"] = idx.dayofweek
    frame["is_weekend"] = (idx.dayofweek >= 5).astype(int)
    frame["doy_sin"] = np.sin(2 * np.pi * idx.dayofyear / 365.25)
    frame["doy_cos"] = np.cos(2 * np.pi * idx.dayofyear / 365.25)
    return frame


def load_lags(frame: pd.DataFrame, target: str = "load_mw") -> pd.DataFrame:
    for h in (24, 48, 168):
        frame[f"load_lag_{h}"] = frame[target].shift(h)
    frame["load_lag_24_mean_7d"] = frame[target].shift(24).rolling(168).mean()
    return frame


def weather_features(frame: pd.DataFrame) -> pd.DataFrame:
    # day-ahead weather forecasts are available at issue time
    frame["hdd"] = np.clip(18.0 - frame["temp_c"], 0, None)
    frame["cdd"] = np.clip(frame["temp_c"] - 22.0, 0, None)
    return frame


def build(frame: pd.DataFrame) -> pd.DataFrame:
    frame = calendar_features(frame)
    frame = load_lags(frame)
    frame = weather_features(frame)
    return frame.dropna()
