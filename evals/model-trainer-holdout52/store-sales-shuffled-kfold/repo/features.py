"""Lag / rolling / calendar features for Favorita store sales."""
import numpy as np
import pandas as pd

KEYS = ["store_nbr", "family"]


def load_frames(data_dir):
    train = pd.read_csv(f"{data_dir}/train.csv", parse_dates=["date"])
    test = pd.read_csv(f"{data_dir}/test.csv", parse_dates=["date"])
    oil = pd.read_csv(f"{data_dir}/oil.csv", parse_dates=["date"])
    stores = pd.read_csv(f"{data_dir}/stores.csv")
    full = pd.concat([train, test], ignore_index=True)
    full = full.merge(stores[["store_nbr", "type", "cluster"]], on="store_nbr", how="left")
    oil = oil.set_index("date").asfreq("D").ffill().reset_index()
    full = full.merge(oil, on="date", how="left")
    full = full.sort_values(KEYS + ["date"]).reset_index(drop=True)
    full["log_sales"] = np.log1p(full["sales"])
    return full


def add_calendar(full):
    full["dow"] = full["date"].dt.dayofweek
    full["dom"] = full["date"].dt.day
    full["month"] = full["date"].dt.month
    full["doy"] = full["date"].dt.dayofyear
    full["payday"] = ((full["dom"] == 15) | full["date"].dt.is_month_end).astype(int)
    return full


def add_lags(full, lags, windows):
    grp = full.groupby(KEYS)["log_sales"]
    for lag in lags:
        full[f"lag_{lag}"] = grp.shift(lag)
    shifted = grp.shift(16)
    for w in windows:
        full[f"roll_mean_{w}"] = shifted.groupby([full[k] for k in KEYS]).transform(
            lambda s: s.rolling(w, min_periods=1).mean()
        )
    full["promo_roll_14"] = full.groupby(KEYS)["onpromotion"].transform(
        lambda s: s.rolling(14, min_periods=1).sum()
    )
    return full


def encode(full):
    for col in ["family", "type"]:
        full[col] = full[col].astype("category").cat.codes
    return full
