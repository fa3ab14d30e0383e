import pandas as pd


def add_calendar(df: pd.DataFrame, calendar: pd.DataFrame) -> pd.DataFrame:
    df = df.merge(calendar, on="date", how="left")
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["weekofyear"] = df["date"].dt.isocalendar().week.astype(int)
    df["is_holiday"] = df["is_holiday"].fillna(False).astype(int)
    return df


def add_lags(df: pd.DataFrame, lags, windows) -> pd.DataFrame:
    df = df.sort_values(["store_id", "item_id", "date"]).copy()
    grp = df.groupby(["store_id", "item_id"])["units"]
    for lag in lags:
        df[f"lag_{lag}"] = grp.shift(lag)
    shifted = grp.shift(7)
    for w in windows:
        df[f"roll_mean_{w}"] = (
            shifted.groupby([df["store_id"], df["item_id"]])
            .transform(lambda s: s.rolling(w, min_periods=1).mean())
        )
    return df


FEATURES = [
    "store_id", "item_id", "dow", "month", "weekofyear", "is_holiday", "price", "on_promo",
]


def feature_columns(lags, windows):
    return FEATURES + [f"lag_{l}" for l in lags] + [f"roll_mean_{w}" for w in windows]
