import pandas as pd

KEYS = ["dc_id", "sku_id"]


def add_lag_features(df: pd.DataFrame, date_col: str, target: str = "units") -> pd.DataFrame:
    """Backward-looking features per DC/SKU. Rows must be one per key per week."""
    df = df.sort_values(KEYS + [date_col]).copy()
    g = df.groupby(KEYS, sort=False)[target]
    for lag in (1, 2, 4, 52):
        df[f"lag_{lag}"] = g.shift(lag)
    df["rmean_4"] = g.transform(lambda s: s.shift(1).rolling(4, min_periods=2).mean())
    df["rmean_13"] = g.transform(lambda s: s.shift(1).rolling(13, min_periods=4).mean())
    df["rstd_13"] = g.transform(lambda s: s.shift(1).rolling(13, min_periods=4).std())
    df["price_vs_13w"] = df["avg_price"] / df.groupby(KEYS, sort=False)["avg_price"].transform(
        lambda s: s.shift(1).rolling(13, min_periods=4).mean()
    )
    df["week_of_year"] = df[date_col].dt.isocalendar().week.astype(int)
    df["month"] = df[date_col].dt.month
    return df


FEATURES = [
    "lag_1", "lag_2", "lag_4", "lag_52", "rmean_4", "rmean_13", "rstd_13", "price_vs_13w",
    "week_of_year", "month", "promo_flag", "avg_price", "dc_id", "sku_category_id",
]
