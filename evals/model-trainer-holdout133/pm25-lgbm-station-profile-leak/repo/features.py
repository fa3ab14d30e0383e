"""Feature engineering for the hourly PM2.5 forecast (station network)."""
import numpy as np
import pandas as pd


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    ts = df["timestamp"].dt.tz_convert("Europe/London")
    df["hour"] = ts.dt.hour
    df["dow"] = ts.dt.dayofweek
    df["month"] = ts.dt.month
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    df["hour_sin"] = np.sin(2 * np.pi * df["hour"] / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df["hour"] / 24)
    return df


def add_lags(df: pd.DataFrame, col: str, lags) -> pd.DataFrame:
    df = df.sort_values(["station_id", "timestamp"]).copy()
    g = df.groupby("station_id")[col]
    for lag in lags:
        df[f"{col}_lag{lag}"] = g.shift(lag)
    # rolling stats on the *previous* 24h only
    df[f"{col}_roll24_mean"] = g.transform(lambda s: s.shift(1).rolling(24, min_periods=12).mean())
    df[f"{col}_roll24_max"] = g.transform(lambda s: s.shift(1).rolling(24, min_periods=12).max())
    return df


def add_met(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    rad = np.deg2rad(df["wind_dir"])
    df["wind_u"] = -df["wind_speed"] * np.sin(rad)
    df["wind_v"] = -df["wind_speed"] * np.cos(rad)
    df["low_wind"] = (df["wind_speed"] < 1.5).astype(int)
    return df.drop(columns=["wind_dir"])


def add_station_profile(df: pd.DataFrame, target: str) -> pd.DataFrame:
    # typical level per site and hour of day -> lets the model learn site offsets
    prof = (
        df.groupby(["station_id", "hour"])[target]
        .agg(["mean", "std"])
        .rename(columns={"mean": "stn_hour_mean", "std": "stn_hour_std"})
        .reset_index()
    )
    return df.merge(prof, on=["station_id", "hour"], how="left")
