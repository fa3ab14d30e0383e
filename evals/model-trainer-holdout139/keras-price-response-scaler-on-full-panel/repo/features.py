"""Feature prep for the Keras price-response model (pharmacy OTC, store x SKU x week)."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

NUM_COLS = [
    "log_price", "log_base_price", "discount_pct", "log_comp_price", "flyer_flag", "endcap_flag",
    "flu_index", "temp_c_avg", "log_units_lag_1", "log_units_lag_52", "log_units_rmean_8",
]


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["store_id", "sku_id", "week_start"]).copy()
    g = df.groupby(["store_id", "sku_id"])["units_sold"]
    df["log_units"] = np.log1p(df["units_sold"])
    df["log_units_lag_1"] = np.log1p(g.shift(1))
    df["log_units_lag_52"] = np.log1p(g.shift(52))
    df["log_units_rmean_8"] = np.log1p(g.transform(lambda s: s.shift(1).rolling(8, min_periods=1).mean()))
    df["log_price"] = np.log(df["shelf_price"])
    df["log_base_price"] = np.log(df["base_price"])
    df["discount_pct"] = 1 - df["shelf_price"] / df["base_price"]
    df["log_comp_price"] = np.log(df["competitor_price"])
    return df.dropna(subset=["log_units_lag_1"])


def fit_scaler(df: pd.DataFrame) -> StandardScaler:
    scaler = StandardScaler()
    scaler.fit(df[NUM_COLS].fillna(0))
    return scaler


def to_inputs(df: pd.DataFrame, scaler: StandardScaler) -> dict:
    return {
        "num": scaler.transform(df[NUM_COLS].fillna(0)).astype("float32"),
        "store": df["store_idx"].to_numpy(),
        "sku": df["sku_idx"].to_numpy(),
    }
