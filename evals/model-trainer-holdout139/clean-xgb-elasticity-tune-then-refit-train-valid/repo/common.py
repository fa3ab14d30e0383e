import numpy as np
import pandas as pd

FEATURES = [
    "log_price", "log_rel_price_cat", "log_comp_price", "discount_pct", "promo_flag", "display_flag",
    "woy", "holiday_flag", "store_traffic_idx", "units_lag_1", "units_lag_4", "units_lag_52",
]
TARGET = "units_sold"
TRAIN_END = "2023-07-03"
VALID_END = "2024-01-01"
SEED = 8


def load(path="data/beauty_store_sku_weekly.parquet"):
    df = pd.read_parquet(path)
    df["week_start"] = pd.to_datetime(df["week_start"])
    df = df.sort_values(["store_id", "sku_id", "week_start"])
    g = df.groupby(["store_id", "sku_id"])["units_sold"]
    for k in (1, 4, 52):
        df[f"units_lag_{k}"] = g.shift(k)
    df["log_price"] = np.log(df["shelf_price"])
    df["log_rel_price_cat"] = df["log_price"] - np.log(df["category_avg_price_same_week"])
    df["log_comp_price"] = np.log(df["competitor_price"])
    df["discount_pct"] = 1 - df["shelf_price"] / df["base_price"]
    df["woy"] = df["week_start"].dt.isocalendar().week.astype(int)
    return df


def periods(df):
    tr = df[df["week_start"] < TRAIN_END]
    va = df[(df["week_start"] >= TRAIN_END) & (df["week_start"] < VALID_END)]
    te = df[df["week_start"] >= VALID_END]
    return tr, va, te


def wape(y, p):
    return float(np.abs(y - p).sum() / y.sum())
