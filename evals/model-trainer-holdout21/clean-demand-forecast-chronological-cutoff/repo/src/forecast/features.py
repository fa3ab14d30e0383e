"""Past-only features: every value at date t uses sales strictly before t - horizon."""
import numpy as np
import pandas as pd

from .settings import HORIZON_DAYS, KEYS, TARGET


def calendar(df: pd.DataFrame) -> pd.DataFrame:
    df["dow"] = df["date"].dt.dayofweek.astype("int8")
    df["month"] = df["date"].dt.month.astype("int8")
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    return df


def lagged(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(KEYS + ["date"]).copy()
    g = df.groupby(KEYS, observed=True)[TARGET]
    h = HORIZON_DAYS
    for lag in (h, h + 7, h + 14, 364):
        df[f"lag_{lag}"] = g.shift(lag)
    shifted = g.shift(h)
    for win in (7, 28, 91):
        df[f"roll_mean_{win}"] = shifted.groupby([df[k] for k in KEYS], observed=True).transform(
            lambda s: s.rolling(win, min_periods=1).mean()
        )
    df["price_rel"] = df["price"] / df.groupby(KEYS, observed=True)["price"].transform(
        lambda s: s.shift(1).expanding().mean()
    )
    return df


def build(raw: pd.DataFrame) -> pd.DataFrame:
    df = raw.copy()
    df["date"] = pd.to_datetime(df["date"])
    df = calendar(df)
    df = lagged(df)
    for k in KEYS:
        df[k] = df[k].astype("category")
    return df.dropna(subset=[f"lag_{HORIZON_DAYS}"])
