"""Lag, rolling and calendar features for store-item daily demand."""
from __future__ import annotations

import pandas as pd


def add_calendar_features(df: pd.DataFrame, date_col: str) -> pd.DataFrame:
    out = df.copy()
    dt = out[date_col].dt
    out["dow"] = dt.dayofweek
    out["week_of_year"] = dt.isocalendar().week.astype(int)
    out["month"] = dt.month
    out["is_month_start"] = dt.is_month_start.astype(int)
    out["is_weekend"] = (dt.dayofweek >= 5).astype(int)
    return out


def add_lag_features(df: pd.DataFrame, cfg: dict) -> pd.DataFrame:
    data_cfg, feat_cfg = cfg["data"], cfg["features"]
    target = data_cfg["target"]
    out = df.copy()
    grouped = out.groupby(data_cfg["id_columns"], sort=False)[target]
    for lag in feat_cfg["lags"]:
        out[f"lag_{lag}"] = grouped.shift(lag)
    shifted = grouped.shift(7)
    for window in feat_cfg["rolling_windows"]:
        out[f"roll_mean_{window}"] = (
            shifted.groupby([out[c] for c in data_cfg["id_columns"]])
            .transform(lambda s: s.rolling(window, min_periods=1).mean())
        )
    return out


def build_features(df: pd.DataFrame, cfg: dict) -> tuple[pd.DataFrame, list[str]]:
    date_col = cfg["data"]["date_column"]
    out = add_lag_features(df, cfg)
    if cfg["features"].get("calendar", True):
        out = add_calendar_features(out, date_col)
    out = out.dropna(subset=[f"lag_{lag}" for lag in cfg["features"]["lags"]])
    feature_cols = [
        c for c in out.columns
        if c.startswith(("lag_", "roll_mean_"))
        or c in {"dow", "week_of_year", "month", "is_month_start", "is_weekend", "store_id", "item_id"}
    ]
    out[["store_id", "item_id"]] = out[["store_id", "item_id"]].astype("category")
    return out, feature_cols
