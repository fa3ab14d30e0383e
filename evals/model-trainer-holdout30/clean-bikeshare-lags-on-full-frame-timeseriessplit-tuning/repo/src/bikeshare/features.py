"""Feature builder. Every history feature is shifted so row t only sees days <= t-1."""
from __future__ import annotations

import numpy as np
import pandas as pd

TARGET = "rentals"
FEATURES = [
    "lag_1", "lag_7", "lag_14", "roll7_mean", "roll28_mean", "roll28_std",
    "dow", "is_weekend", "month", "doy_sin", "doy_cos", "temp_c", "precip_mm", "wind_kmh",
]


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    by_station = out.groupby("station_id", sort=False)[TARGET]
    for lag in (1, 7, 14):
        out[f"lag_{lag}"] = by_station.shift(lag)
    past = by_station.shift(1)
    grp = past.groupby(out["station_id"])
    out["roll7_mean"] = grp.transform(lambda s: s.rolling(7, min_periods=3).mean())
    out["roll28_mean"] = grp.transform(lambda s: s.rolling(28, min_periods=7).mean())
    out["roll28_std"] = grp.transform(lambda s: s.rolling(28, min_periods=7).std())
    out["dow"] = out["date"].dt.dayofweek
    out["is_weekend"] = (out["dow"] >= 5).astype(int)
    out["month"] = out["date"].dt.month
    doy = out["date"].dt.dayofyear
    out["doy_sin"], out["doy_cos"] = np.sin(2 * np.pi * doy / 365.25), np.cos(2 * np.pi * doy / 365.25)
    return out.dropna(subset=["lag_14", "roll28_mean"]).reset_index(drop=True)
