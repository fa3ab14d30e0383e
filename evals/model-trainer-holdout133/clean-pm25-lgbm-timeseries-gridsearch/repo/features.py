import numpy as np
import pandas as pd


def lag_features(df, col="pm25", lags=(1, 2, 3, 6, 12, 24), by="site"):
    df = df.sort_values([by, "time"]).copy()
    grp = df.groupby(by, sort=False)[col]
    for k in lags:
        df[f"{col}_l{k}"] = grp.shift(k)
    prev = grp.shift(1)
    df[f"{col}_mean6"] = prev.groupby(df[by]).transform(lambda s: s.rolling(6, min_periods=3).mean())
    df[f"{col}_mean24"] = prev.groupby(df[by]).transform(lambda s: s.rolling(24, min_periods=12).mean())
    df[f"{col}_d1"] = df[f"{col}_l1"] - df[f"{col}_l2"]
    return df


def time_features(df):
    t = df["time"]
    df["hour"] = t.dt.hour
    df["dow"] = t.dt.dayofweek
    df["doy_sin"] = np.sin(2 * np.pi * t.dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * t.dt.dayofyear / 365.25)
    df["heating_season"] = t.dt.month.isin([11, 12, 1, 2, 3]).astype(int)
    return df


def make_target(df, horizon, col="pm25", by="site"):
    df[f"y_h{horizon}"] = df.groupby(by)[col].shift(-horizon)
    return df
