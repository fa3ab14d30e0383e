import pandas as pd

from .data import KEYS


def add_time_features(df: pd.DataFrame, lags, windows) -> pd.DataFrame:
    df = df.copy()
    grp = df.groupby(KEYS, sort=False)["units"]
    for lag in lags:
        df[f"lag_{lag}"] = grp.shift(lag)
    for w in windows:
        df[f"roll_mean_{w}"] = grp.transform(lambda s: s.shift(7).rolling(w, min_periods=1).mean())
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["weekofyear"] = df["date"].dt.isocalendar().week.astype(int)
    return df.dropna(subset=[f"lag_{max(lags)}"]).reset_index(drop=True)


def feature_columns(lags, windows):
    return (
        [f"lag_{l}" for l in lags]
        + [f"roll_mean_{w}" for w in windows]
        + ["dow", "month", "weekofyear", "is_holiday", "promo_week", "store_id", "item_id"]
    )
