"""Feature engineering for store x family daily unit sales.

All target-derived features are shifted by at least HORIZON days, so a row that is
h <= HORIZON days after the forecast origin only uses sales known at the origin.
"""
import numpy as np
import pandas as pd

HORIZON = 16
LAGS = [16, 17, 18, 21, 28, 35, 42, 364]
WINDOWS = [7, 14, 28, 56]
KEYS = ["store_nbr", "family"]


def merge_side_tables(sales, oil, holidays, stores):
    oil = oil.set_index("date").asfreq("D")
    price = oil["dcoilwtico"].ffill()                       # carry last known price forward only
    oil["oil_lag16"] = price.shift(HORIZON)                  # price known at the forecast origin
    oil["oil_ma28_lag16"] = price.rolling(28, min_periods=1).mean().shift(HORIZON)
    oil = oil.drop(columns=["dcoilwtico"])
    df = sales.merge(oil.reset_index(), on="date", how="left")
    nat = holidays[(holidays["locale"] == "National") & (~holidays["transferred"])]
    df["is_national_holiday"] = df["date"].isin(nat["date"]).astype(int)
    df = df.merge(stores[["store_nbr", "city", "type", "cluster"]], on="store_nbr", how="left")
    return df


def calendar(df):
    d = df["date"]
    df["dow"] = d.dt.dayofweek
    df["dom"] = d.dt.day
    df["month"] = d.dt.month
    df["doy"] = d.dt.dayofyear
    df["payday"] = ((d.dt.day == 15) | d.dt.is_month_end).astype(int)
    return df


def target_lags(df):
    df = df.sort_values(KEYS + ["date"]).reset_index(drop=True)
    df["log_sales"] = np.log1p(df["sales"])
    g = df.groupby(KEYS)["log_sales"]
    for lag in LAGS:
        df[f"lag_{lag}"] = g.shift(lag)
    base = g.shift(HORIZON)
    for w in WINDOWS:
        df[f"rmean_{w}"] = base.groupby([df[k] for k in KEYS]).transform(lambda s: s.rolling(w, min_periods=1).mean())
    df["dow_mean_4w"] = df.groupby(KEYS + ["dow"])["log_sales"].transform(lambda s: s.shift(3).rolling(4, min_periods=1).mean())
    return df
