"""Feature construction for the direct multi-horizon global model."""
import pandas as pd

KEYS = ["store_id", "item_id"]


def calendar(df: pd.DataFrame, holidays: pd.DataFrame) -> pd.DataFrame:
    d = df["date"]
    df["dow"] = d.dt.dayofweek
    df["dom"] = d.dt.day
    df["month"] = d.dt.month
    df["woy"] = d.dt.isocalendar().week.astype(int)
    hol_dates = set(holidays["date"])
    df["is_holiday"] = d.isin(hol_dates).astype(int)
    df["days_to_xmas"] = (pd.to_datetime(d.dt.year.astype(str) + "-12-24") - d).dt.days.clip(-30, 60)
    return df


def history(df: pd.DataFrame, horizon: int) -> pd.DataFrame:
    df = df.sort_values(KEYS + ["date"])
    g = df.groupby(KEYS, observed=True)["sales"]
    for k in (0, 7, 14, 35):
        df[f"lag_{horizon + k}"] = g.shift(horizon + k)
    df[f"rmean_28_h{horizon}"] = g.transform(lambda s: s.shift(horizon).rolling(28, min_periods=7).mean())
    df[f"rmean_91_h{horizon}"] = g.transform(lambda s: s.shift(horizon).rolling(91, min_periods=28).mean())
    df[f"rzero_28_h{horizon}"] = g.transform(lambda s: s.shift(horizon).eq(0).rolling(28, min_periods=7).mean())
    return df


def feature_columns(horizon: int) -> list[str]:
    return [
        "store_id", "item_id", "dept_id", "price", "on_promo",
        "dow", "dom", "month", "woy", "is_holiday", "days_to_xmas",
        *[f"lag_{horizon + k}" for k in (0, 7, 14, 35)],
        f"rmean_28_h{horizon}", f"rmean_91_h{horizon}", f"rzero_28_h{horizon}",
    ]
