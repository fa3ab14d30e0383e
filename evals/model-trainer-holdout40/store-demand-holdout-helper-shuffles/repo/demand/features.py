import numpy as np
import pandas as pd


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    d = df["date"]
    df["dow"] = d.dt.dayofweek
    df["week"] = d.dt.isocalendar().week.astype(int)
    df["month"] = d.dt.month
    df["is_month_end"] = d.dt.is_month_end.astype(int)
    return df


def add_lags(df: pd.DataFrame, lags, windows) -> pd.DataFrame:
    df = df.sort_values(["store_id", "date"])
    g = df.groupby("store_id")["units"]
    for lag in lags:
        df[f"lag_{lag}"] = g.shift(lag)
    for w in windows:
        df[f"roll_mean_{w}"] = g.transform(lambda s: s.shift(7).rolling(w, min_periods=1).mean())
    df["log_units"] = np.log1p(df["units"])
    return df
