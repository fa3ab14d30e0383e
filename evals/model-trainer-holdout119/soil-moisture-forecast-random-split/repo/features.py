"""Feature engineering for the 7-day soil moisture forecast."""
import numpy as np
import pandas as pd


def load_daily(path, date_col, station_col):
    df = pd.read_csv(path, parse_dates=[date_col])
    df = df.sort_values([station_col, date_col]).reset_index(drop=True)
    # sensor dropouts are flagged with -99
    df = df.replace(-99.0, np.nan)
    return df


def add_lag_features(df, cfg):
    st = cfg["data"]["station_col"]
    tgt = cfg["target"]["column"]
    g = df.groupby(st, group_keys=False)

    for lag in cfg["features"]["lags"]:
        df[f"{tgt}_lag{lag}"] = g[tgt].shift(lag)

    for col in cfg["features"]["weather_cols"]:
        for w in cfg["features"]["rolling_windows"]:
            df[f"{col}_roll{w}"] = g[col].transform(lambda s: s.rolling(w, min_periods=1).mean())

    df["precip_cum30"] = g["precip_mm"].transform(lambda s: s.rolling(30, min_periods=1).sum())
    doy = df[cfg["data"]["date_col"]].dt.dayofyear
    df["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    return df


def add_target(df, cfg):
    st = cfg["data"]["station_col"]
    tgt = cfg["target"]["column"]
    h = cfg["target"]["horizon_days"]
    df["y"] = df.groupby(st)[tgt].shift(-h)
    return df
