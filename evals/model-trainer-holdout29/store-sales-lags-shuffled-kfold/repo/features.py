"""Feature builders for the weekly store x item sales frame."""
import numpy as np
import pandas as pd


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    wk = df["week_start"]
    df["year"] = wk.dt.year
    df["weekofyear"] = wk.dt.isocalendar().week.astype(int)
    df["month"] = wk.dt.month
    df["is_holiday_week"] = df["holiday_flag"].fillna(0).astype(int)
    return df


def add_lags(df: pd.DataFrame, lags, windows) -> pd.DataFrame:
    df = df.sort_values(["store_id", "item_id", "week_start"]).copy()
    grp = df.groupby(["store_id", "item_id"])["units"]
    for lag in lags:
        df[f"units_lag_{lag}"] = grp.shift(lag)
    shifted = grp.shift(1)
    for w in windows:
        roll = shifted.groupby([df["store_id"], df["item_id"]]).rolling(w, min_periods=1)
        df[f"units_rmean_{w}"] = roll.mean().reset_index(level=[0, 1], drop=True)
        df[f"units_rstd_{w}"] = roll.std().reset_index(level=[0, 1], drop=True)
    df["units_ewm_8"] = shifted.groupby([df["store_id"], df["item_id"]]).transform(lambda s: s.ewm(span=8).mean())
    return df


def add_price_features(df: pd.DataFrame) -> pd.DataFrame:
    item_price = df.groupby(["store_id", "item_id"])["sell_price"]
    df["price_change"] = item_price.pct_change().fillna(0)
    df["price_rel_lag4"] = df["sell_price"] / item_price.shift(4)
    df["log_price"] = np.log1p(df["sell_price"])
    return df
