"""Lag / rolling / calendar features for the store-item daily panel."""
from __future__ import annotations

import pandas as pd

KEYS = ["store_id", "item_id"]


def add_calendar(df: pd.DataFrame, date_col: str) -> pd.DataFrame:
    d = df[date_col]
    df["dow"] = d.dt.dayofweek
    df["dom"] = d.dt.day
    df["month"] = d.dt.month
    df["weekofyear"] = d.dt.isocalendar().week.astype(int)
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    return df


def add_lags(df: pd.DataFrame, target: str, lags: list[int], windows: list[int]) -> pd.DataFrame:
    g = df.groupby(KEYS, sort=False)[target]
    for lag in lags:
        df[f"lag_{lag}"] = g.shift(lag)
    shifted = g.shift(7)
    for w in windows:
        df[f"roll_mean_{w}"] = shifted.groupby([df[k] for k in KEYS]).transform(lambda s: s.rolling(w).mean())
    return df


def build_features(df: pd.DataFrame, cfg: dict) -> pd.DataFrame:
    date_col, target = cfg["data"]["date_col"], cfg["data"]["target"]
    df = df.sort_values(KEYS + [date_col]).reset_index(drop=True)
    df = add_calendar(df, date_col)
    df = add_lags(df, target, cfg["features"]["lags"], cfg["features"]["rolling_windows"])
    for col in ("store_id", "item_id", "category"):
        df[col] = df[col].astype("category")
    return df.dropna(subset=[f"lag_{max(cfg['features']['lags'])}"]).sort_values(date_col).reset_index(drop=True)
