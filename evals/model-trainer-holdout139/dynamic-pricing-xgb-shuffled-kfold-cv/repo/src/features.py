"""Feature builders for the weekly e-commerce demand model used by the repricer."""
import numpy as np
import pandas as pd

KEYS = ["sku_id", "channel"]


def load_panel(path: str, min_weeks: int) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["week_start"] = pd.to_datetime(df["week_start"])
    df = df.sort_values(KEYS + ["week_start"]).reset_index(drop=True)
    n_weeks = df.groupby(KEYS)["week_start"].transform("count")
    return df[n_weeks >= min_weeks].reset_index(drop=True)


def add_price_features(df: pd.DataFrame) -> pd.DataFrame:
    df["log_price"] = np.log(df["sell_price"])
    df["discount_pct"] = 1 - df["sell_price"] / df["list_price"]
    df["price_index_vs_comp"] = df["sell_price"] / df["comp_min_price"]
    df["price_change_wow"] = df.groupby(KEYS)["log_price"].diff().fillna(0)
    df["is_price_drop"] = (df["price_change_wow"] < -0.02).astype(int)
    return df


def add_demand_history(df: pd.DataFrame, lags, windows) -> pd.DataFrame:
    g = df.groupby(KEYS)["units"]
    for k in lags:
        df[f"units_lag_{k}"] = g.shift(k)
    for w in windows:
        df[f"units_rmean_{w}"] = g.transform(lambda s, w=w: s.shift(1).rolling(w, min_periods=1).mean())
    return df


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    iso = df["week_start"].dt.isocalendar()
    df["woy"] = iso.week.astype(int)
    df["month"] = df["week_start"].dt.month
    df["black_friday_wk"] = ((df["month"] == 11) & (df["week_start"].dt.day >= 22)).astype(int)
    return df


def feature_columns(lags, windows):
    return (
        ["log_price", "discount_pct", "price_index_vs_comp", "price_change_wow", "is_price_drop",
         "woy", "month", "black_friday_wk", "ad_spend_k", "in_stock_rate"]
        + [f"units_lag_{k}" for k in lags]
        + [f"units_rmean_{w}" for w in windows]
    )
