from __future__ import annotations

import numpy as np
import pandas as pd


def make_features(df: pd.DataFrame, cfg: dict) -> tuple[pd.DataFrame, list[str]]:
    dc, fc = cfg["data"], cfg["features"]
    ts, sid, target = dc["timestamp"], dc["series_id"], dc["target"]
    df = df.sort_values([sid, ts]).copy()
    g = df.groupby(sid, sort=False)[target]
    for lag in fc["lags"]:
        df[f"lag_{lag}"] = g.shift(lag)
    base = g.shift(24)
    for w in fc["rolling"]:
        df[f"roll_{w}"] = base.groupby(df[sid]).transform(lambda s: s.rolling(w, min_periods=w // 2).mean())
    hour = df[ts].dt.hour
    df["hour_sin"], df["hour_cos"] = np.sin(2 * np.pi * hour / 24), np.cos(2 * np.pi * hour / 24)
    df["dow"] = df[ts].dt.dayofweek
    df["is_holiday"] = df["holiday_flag"].fillna(0).astype(int)
    df[sid] = df[sid].astype("category")
    cols = [c for c in df.columns if c.startswith(("lag_", "roll_"))] + [
        "hour_sin", "hour_cos", "dow", "is_holiday", "temp_c", sid,
    ]
    df = df.dropna(subset=[f"lag_{max(fc['lags'])}"])
    return df.sort_values(ts).reset_index(drop=True), cols
