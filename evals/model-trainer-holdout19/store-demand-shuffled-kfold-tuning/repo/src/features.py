"""Feature builders for the store/item daily sales table.

All lag / rolling features only look backwards in time within one (store, item) series.
"""
import pandas as pd

CALENDAR = ["dayofweek", "month", "weekofyear", "is_month_start", "is_holiday"]
LAGS = [f"sales_lag_{k}" for k in (7, 14, 28, 364)]
ROLLS = ["roll_mean_7", "roll_mean_28"]
FEATURES = ["store", "item"] + CALENDAR + LAGS + ROLLS


def add_calendar_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["dayofweek"] = out["date"].dt.dayofweek
    out["month"] = out["date"].dt.month
    out["weekofyear"] = out["date"].dt.isocalendar().week.astype(int)
    out["is_month_start"] = out["date"].dt.is_month_start.astype(int)
    out["is_holiday"] = out["holiday_flag"].fillna(0).astype(int)
    return out


def add_lag_features(df: pd.DataFrame, lags) -> pd.DataFrame:
    out = df.copy()
    grp = out.groupby(["store", "item"], sort=False)["sales"]
    for k in lags:
        out[f"sales_lag_{k}"] = grp.shift(k)
    shifted = grp.shift(1)
    out["roll_mean_7"] = shifted.groupby([out["store"], out["item"]]).transform(
        lambda s: s.rolling(7, min_periods=3).mean())
    out["roll_mean_28"] = shifted.groupby([out["store"], out["item"]]).transform(
        lambda s: s.rolling(28, min_periods=7).mean())
    return out
