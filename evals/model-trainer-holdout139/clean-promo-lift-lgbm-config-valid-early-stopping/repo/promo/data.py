import numpy as np
import pandas as pd

KEYS = ["store_id", "sku_id"]
CATEGORICAL = ["store_format_id", "category_id"]
FEATURES = [
    "tpr_depth", "is_bogo", "is_multibuy", "display_flag", "feature_flag", "log_base_price",
    "comp_promo_flag", "weeks_since_last_promo", "promo_week_num", "woy", "holiday_flag",
    "units_lag_1", "units_lag_52", "units_rmean_13", "store_format_id", "category_id",
]


def load_panel(path):
    df = pd.read_parquet(path)
    df["week_start"] = pd.to_datetime(df["week_start"])
    df = df.sort_values(KEYS + ["week_start"]).reset_index(drop=True)
    df["tpr_depth"] = (1 - df["promo_price"] / df["base_price"]).clip(0, 0.8)
    df["log_base_price"] = np.log(df["base_price"])
    df["woy"] = df["week_start"].dt.isocalendar().week.astype(int)
    g = df.groupby(KEYS)["units_sold"]
    df["units_lag_1"] = g.shift(1)
    df["units_lag_52"] = g.shift(52)
    df["units_rmean_13"] = g.transform(lambda s: s.shift(1).rolling(13, min_periods=4).mean())
    return df


def split_periods(df, train_end, valid_end):
    tr = df[df["week_start"] < train_end]
    va = df[(df["week_start"] >= train_end) & (df["week_start"] < valid_end)]
    te = df[df["week_start"] >= valid_end]
    return tr, va, te
