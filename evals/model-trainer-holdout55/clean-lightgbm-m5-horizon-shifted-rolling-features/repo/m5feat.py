"""Demand features for the 28-day direct forecast (M5-style item/store panel)."""
import numpy as np
import pandas as pd

HORIZON = 28
KEYS = ["item_id", "store_id"]


def add_target_lags(df: pd.DataFrame, target: str = "sales") -> pd.DataFrame:
    g = df.groupby(KEYS, sort=False)[target]
    for lag in (HORIZON, HORIZON + 7, HORIZON + 14, HORIZON + 28, 364):
        df[f"lag_{lag}"] = g.shift(lag)
    shifted = g.shift(HORIZON)
    sg = shifted.groupby([df[k] for k in KEYS], sort=False)
    for w in (7, 28, 56):
        df[f"rmean_{w}"] = sg.transform(lambda s: s.rolling(w, min_periods=1).mean())
    df["rstd_28"] = sg.transform(lambda s: s.rolling(28, min_periods=7).std())
    df["zero_share_28"] = sg.transform(lambda s: s.eq(0).rolling(28, min_periods=7).mean())
    return df


def add_price_features(df: pd.DataFrame) -> pd.DataFrame:
    g = df.groupby(KEYS, sort=False)["sell_price"]
    df["price_rel_28"] = df["sell_price"] / g.transform(lambda s: s.rolling(28, min_periods=1).mean())
    df["price_momentum_7"] = g.pct_change(7)
    return df


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    df["dow"] = df["date"].dt.dayofweek.astype(np.int8)
    df["month"] = df["date"].dt.month.astype(np.int8)
    df["dom"] = df["date"].dt.day.astype(np.int8)
    df["snap"] = df["snap_flag"].astype(np.int8)
    return df


def build(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(KEYS + ["date"]).reset_index(drop=True)
    return add_calendar(add_price_features(add_target_lags(df)))
