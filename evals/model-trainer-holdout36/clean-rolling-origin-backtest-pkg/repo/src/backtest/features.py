"""Stateless, per-substation feature construction for a 4-week-ahead forecast."""
import numpy as np
import pandas as pd


def add_features(df: pd.DataFrame, target: str, lags) -> pd.DataFrame:
    df = df.sort_values(["substation", "week"]).copy()
    g = df.groupby("substation")[target]
    for lag in lags:
        df[f"lag_{lag}"] = g.shift(lag)
    horizon_shifted = g.shift(min(lags))
    df["trail_mean_8"] = horizon_shifted.groupby(df["substation"]).transform(lambda s: s.rolling(8).mean())
    woy = df["week"].dt.isocalendar().week.astype(int)
    df["woy_sin"] = np.sin(2 * np.pi * woy / 52.18)
    df["woy_cos"] = np.cos(2 * np.pi * woy / 52.18)
    df["hdd_fcst"] = np.clip(15.5 - df["temp_fcst_c"], 0, None)
    return df
