import pandas as pd

CAT_FEATURES = ["region", "store_id", "category", "store_format"]


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["store_id", "category", "date"]).copy()
    g = df.groupby(["store_id", "category"], observed=True)["sales"]
    for lag in (28, 35, 42, 364):
        df[f"lag_{lag}"] = g.shift(lag)
    df["rmean_28"] = g.transform(lambda s: s.shift(28).rolling(28, min_periods=14).mean())
    df["rstd_28"] = g.transform(lambda s: s.shift(28).rolling(28, min_periods=14).std())
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["dom"] = df["date"].dt.day
    df["is_holiday"] = df["holiday_name"].notna().astype(int)
    return df


NUM_FEATURES = [
    "lag_28", "lag_35", "lag_42", "lag_364", "rmean_28", "rstd_28",
    "dow", "month", "dom", "is_holiday", "promo_items",
]
