import numpy as np
import pandas as pd

KEYS = ["country", "store", "product"]


def calendar_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    d = df["date"]
    df["year"] = d.dt.year
    df["dayofweek"] = d.dt.dayofweek
    df["is_weekend"] = (df["dayofweek"] >= 5).astype(int)
    df["dayofyear"] = d.dt.dayofyear
    df["month"] = d.dt.month
    df["newyear_window"] = ((d.dt.month == 12) & (d.dt.day >= 24) | (d.dt.month == 1) & (d.dt.day <= 6)).astype(int)
    for k in (1, 2, 3):
        df[f"sin_{k}"] = np.sin(2 * np.pi * k * df["dayofyear"] / 365.25)
        df[f"cos_{k}"] = np.cos(2 * np.pi * k * df["dayofyear"] / 365.25)
    for col in KEYS:
        df[col] = df[col].astype("category")
    return df
