from __future__ import annotations

import numpy as np
import pandas as pd


def build_features(df: pd.DataFrame, cfg: dict) -> pd.DataFrame:
    tcol, target = cfg["data"]["time_col"], cfg["data"]["target"]
    df = df.sort_values(tcol).reset_index(drop=True)
    t = df[tcol]
    df["hour"] = t.dt.hour
    df["dow"] = t.dt.dayofweek
    df["is_holiday"] = df["is_holiday"].astype(int)
    df["hour_sin"] = np.sin(2 * np.pi * df["hour"] / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df["hour"] / 24)
    for lag in cfg["features"]["lags"]:
        df[f"lag_{lag}"] = df[target].shift(lag)
    base = df[target].shift(24)
    for w in cfg["features"]["rolling"]:
        df[f"roll_mean_{w}"] = base.rolling(w).mean()
    return df.dropna().reset_index(drop=True)
