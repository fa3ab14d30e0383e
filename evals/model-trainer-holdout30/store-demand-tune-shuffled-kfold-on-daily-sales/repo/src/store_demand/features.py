"""Lag / calendar features for the demand model. All lags look strictly into the past."""
from __future__ import annotations

import pandas as pd

LAGS = (7, 14, 28)
FEATURES = [f"lag_{l}" for l in LAGS] + [
    "roll_mean_28", "roll_std_28", "dow", "month", "weekofyear", "price", "on_promo", "price_change_7",
]
TARGET = "units"


def build_features(sales: pd.DataFrame) -> pd.DataFrame:
    df = sales.sort_values(["store_id", "item_id", "date"]).copy()
    grp = df.groupby(["store_id", "item_id"], sort=False)["units"]
    for lag in LAGS:
        df[f"lag_{lag}"] = grp.shift(lag)
    shifted = grp.shift(7)
    keys = [df["store_id"], df["item_id"]]
    df["roll_mean_28"] = shifted.groupby(keys).transform(lambda s: s.rolling(28, min_periods=7).mean())
    df["roll_std_28"] = shifted.groupby(keys).transform(lambda s: s.rolling(28, min_periods=7).std())
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["weekofyear"] = df["date"].dt.isocalendar().week.astype(int)
    df["price_change_7"] = df["price"] / df.groupby(["store_id", "item_id"], sort=False)["price"].shift(7)
    df = df.dropna(subset=["lag_28", "roll_mean_28"])
    return df.sort_values("date").reset_index(drop=True)
