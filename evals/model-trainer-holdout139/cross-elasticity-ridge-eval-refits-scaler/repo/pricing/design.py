"""Design matrix for the own/cross-price elasticity model (carbonated soft drinks)."""
import numpy as np
import pandas as pd

OWN = ["log_price", "log_price_lag1"]
CROSS = ["log_price_cola_comp", "log_price_private_label", "log_price_energy"]
PROMO = ["tpr_flag", "display_flag", "feature_flag", "bogo_flag"]
CTRL = ["temp_c_avg", "holiday_flag", "woy_sin", "woy_cos", "log_acv"]
COLUMNS = OWN + CROSS + PROMO + CTRL


def build(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["store_id", "upc", "week_start"]).copy()
    df["log_units"] = np.log1p(df["units_sold"])
    df["log_price"] = np.log(df["shelf_price"])
    df["log_price_lag1"] = df.groupby(["store_id", "upc"])["log_price"].shift(1)
    for col, src in [("log_price_cola_comp", "cola_comp_price"),
                     ("log_price_private_label", "pl_price"),
                     ("log_price_energy", "energy_avg_price")]:
        df[col] = np.log(df[src])
    woy = df["week_start"].dt.isocalendar().week.astype(int)
    df["woy_sin"] = np.sin(2 * np.pi * woy / 52.18)
    df["woy_cos"] = np.cos(2 * np.pi * woy / 52.18)
    df["log_acv"] = np.log(df["acv_pct"].clip(lower=1))
    return df.dropna(subset=["log_price_lag1"])


def split_by_week(df: pd.DataFrame, cutoff: str):
    return df[df["week_start"] < cutoff], df[df["week_start"] >= cutoff]
