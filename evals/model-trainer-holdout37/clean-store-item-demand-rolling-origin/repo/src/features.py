"""Feature building and date-based splitting for daily store-item demand."""
import numpy as np
import pandas as pd

LAGS = (7, 14, 28, 364)
WINDOWS = (7, 28)


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    df["dow"] = df["date"].dt.dayofweek
    df["dom"] = df["date"].dt.day
    df["month"] = df["date"].dt.month
    df["weekofyear"] = df["date"].dt.isocalendar().week.astype(int)
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    return df


def add_lags(df: pd.DataFrame, target: str = "sales") -> pd.DataFrame:
    """Per-series lags/rolling stats that only look at days strictly before the forecast horizon.

    The forecast horizon is 7 days, so every feature is built from values shifted by >= 7 days.
    """
    df = df.sort_values(["store", "item", "date"])
    grp = df.groupby(["store", "item"], sort=False)[target]
    for lag in LAGS:
        df[f"lag_{lag}"] = grp.shift(lag)
    for w in WINDOWS:
        df[f"rmean_{w}"] = grp.transform(lambda s, w=w: s.shift(7).rolling(w, min_periods=1).mean())
    df["rstd_28"] = grp.transform(lambda s: s.shift(7).rolling(28, min_periods=7).std())
    return df


def rolling_origin_folds(dates: pd.Series, n_folds: int, horizon_days: int):
    """Expanding-window folds: train on everything before each cutoff, validate on the next horizon."""
    last = dates.max()
    for k in range(n_folds, 0, -1):
        cutoff = last - pd.Timedelta(days=k * horizon_days)
        tr = np.flatnonzero(dates <= cutoff)
        va = np.flatnonzero((dates > cutoff) & (dates <= cutoff + pd.Timedelta(days=horizon_days)))
        yield tr, va


def wape(y_true, y_pred):
    return float(np.abs(y_true - y_pred).sum() / np.abs(y_true).sum())
