"""Lag / calendar features. Every sales lag is >= the 28-day forecast horizon, so a row only
uses sales that are already known 28 days before its own date. Prices are planned ahead."""
import pandas as pd

HORIZON = 28
LAGS = (28, 35, 42, 364)


def add_features(sales: pd.DataFrame) -> pd.DataFrame:
    sales = sales.sort_values(["store_id", "item_id", "date"]).copy()
    keys = ["store_id", "item_id"]
    units = sales.groupby(keys, observed=True)["units"]
    for lag in LAGS:
        sales[f"lag_{lag}"] = units.shift(lag)
    sales["rmean_28_28"] = units.transform(lambda s: s.shift(HORIZON).rolling(28).mean())
    sales["rstd_28_28"] = units.transform(lambda s: s.shift(HORIZON).rolling(28).std())

    prev_price = sales.groupby(keys, observed=True)["sell_price"].shift(7)
    sales["price_change_7d"] = sales["sell_price"] / prev_price - 1

    sales["dow"] = sales["date"].dt.dayofweek
    sales["dom"] = sales["date"].dt.day
    sales["month"] = sales["date"].dt.month
    for col in keys:
        sales[col] = sales[col].astype("category")
    return sales


FEATURES = ["store_id", "item_id", "dow", "dom", "month", "sell_price", "price_change_7d",
            "snap", "rmean_28_28", "rstd_28_28"] + [f"lag_{k}" for k in LAGS]
