"""Feature construction for 15-minute loop-detector flow forecasting (1 hour ahead)."""
import numpy as np
import pandas as pd

STEPS_PER_HOUR = 4
STEPS_PER_WEEK = 7 * 24 * STEPS_PER_HOUR


def add_time_keys(df: pd.DataFrame) -> pd.DataFrame:
    df["dow"] = df["ts"].dt.dayofweek
    df["slot"] = df["ts"].dt.hour * STEPS_PER_HOUR + df["ts"].dt.minute // 15
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    return df


def add_lag_features(df: pd.DataFrame, horizon: int) -> pd.DataFrame:
    g = df.groupby("sensor_id", sort=False)["flow"]
    for k in range(horizon, horizon + 8):
        df[f"flow_lag_{k}"] = g.shift(k)
    df["flow_lag_1w"] = g.shift(STEPS_PER_WEEK)
    df["flow_trend"] = df[f"flow_lag_{horizon}"] - df[f"flow_lag_{horizon + 4}"]
    return df


def add_profile_features(df: pd.DataFrame) -> pd.DataFrame:
    keys = ["sensor_id", "dow", "slot"]
    df["profile_mean"] = df.groupby(keys)["flow"].transform("mean")
    df["profile_p90"] = df.groupby(keys)["flow"].transform(lambda s: s.quantile(0.9))
    df["sensor_mean"] = df.groupby("sensor_id")["flow"].transform("mean")
    return df


def build_features(df: pd.DataFrame, horizon: int) -> pd.DataFrame:
    df = df.sort_values(["sensor_id", "ts"]).reset_index(drop=True)
    df = add_time_keys(df)
    df = add_lag_features(df, horizon)
    df = add_profile_features(df)
    df["sensor_id"] = df["sensor_id"].astype(str)
    return df.dropna(subset=["flow_lag_1w"]).replace([np.inf, -np.inf], np.nan)
