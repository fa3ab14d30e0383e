import pandas as pd


def make_lag_features(sales, lags, windows):
    df = sales.copy()
    grp = df.groupby(["store_id", "sku_id"])["units"]
    for lag in lags:
        df[f"units_lag_{lag}"] = grp.shift(lag)
    shifted = grp.shift(1)
    for w in windows:
        df[f"units_roll_mean_{w}"] = (
            shifted.groupby([df["store_id"], df["sku_id"]])
            .transform(lambda s: s.rolling(w, min_periods=1).mean())
        )
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    df["on_promo"] = df["on_promo"].fillna(0).astype(int)
    return df
