import numpy as np
import pandas as pd

NUMERIC = ["lag_1", "lag_2", "lag_4", "lag_52", "mean_4", "mean_13", "price", "price_change",
           "on_promo", "week_sin", "week_cos"]


def make_features(weekly: pd.DataFrame) -> pd.DataFrame:
    """Past-only features per SKU (every window is shifted by one week)."""
    df = weekly.sort_values(["sku", "week"]).copy()
    units = df.groupby("sku")["units"]
    for k in (1, 2, 4, 52):
        df[f"lag_{k}"] = units.shift(k)
    prev = units.shift(1)
    df["mean_4"] = prev.groupby(df["sku"]).transform(lambda s: s.rolling(4).mean())
    df["mean_13"] = prev.groupby(df["sku"]).transform(lambda s: s.rolling(13).mean())
    df["price_change"] = df.groupby("sku")["price"].pct_change().fillna(0.0)
    woy = df["week"].dt.isocalendar().week.astype(float)
    df["week_sin"] = np.sin(2 * np.pi * woy / 52.0)
    df["week_cos"] = np.cos(2 * np.pi * woy / 52.0)
    return df.dropna(subset=NUMERIC)
