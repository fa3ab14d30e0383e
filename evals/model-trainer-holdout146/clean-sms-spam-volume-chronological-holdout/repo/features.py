"""Hourly features for the SMS spam-burst detector (one row per hour per carrier route)."""
import pandas as pd

BASE = ["msgs", "uniq_senders", "uniq_urls", "pct_shortlinks", "pct_new_senders", "pct_intl_originated"]


def add_time_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["route_id", "hour"]).copy()
    g = df.groupby("route_id", group_keys=False)
    for c in BASE:
        df[f"{c}_lag1"] = g[c].shift(1)
        df[f"{c}_lag24"] = g[c].shift(24)
        df[f"{c}_mean24"] = g[c].transform(lambda s: s.rolling(24, min_periods=12).mean())
        df[f"{c}_std24"] = g[c].transform(lambda s: s.rolling(24, min_periods=12).std())
        df[f"{c}_z24"] = (df[c] - df[f"{c}_mean24"]) / (df[f"{c}_std24"] + 1e-6)
    df["hour_of_day"] = df["hour"].dt.hour
    df["weekend"] = (df["hour"].dt.dayofweek >= 5).astype(int)
    return df.dropna()


def feature_columns(df: pd.DataFrame) -> list:
    return [c for c in df.columns if c not in ("route_id", "hour", "burst")]
