import numpy as np
import pandas as pd


def add_features(df: pd.DataFrame, lags, windows) -> pd.DataFrame:
    """Only past values of each substation are used (shift >= 24h), so this can run before splitting."""
    df = df.copy()
    by_station = df.groupby("substation", sort=False)["mw"]
    for h in lags:
        df[f"lag_{h}"] = by_station.shift(h)
    for w in windows:
        df[f"roll_{w}"] = by_station.transform(lambda s: s.shift(24).rolling(w, min_periods=w // 2).mean())
    df["hour"] = df["ts"].dt.hour
    df["dow"] = df["ts"].dt.dayofweek
    df["doy_sin"] = np.sin(2 * np.pi * df["ts"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["ts"].dt.dayofyear / 365.25)
    return df.dropna(subset=[f"lag_{max(lags)}"])


def model_columns(lags, windows):
    return [f"lag_{h}" for h in lags] + [f"roll_{w}" for w in windows] + [
        "hour", "dow", "doy_sin", "doy_cos", "temp_forecast_c", "humidity_forecast",
    ]
