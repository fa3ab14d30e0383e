import pandas as pd


def lag_features(df: pd.DataFrame, target: str, lags, windows) -> pd.DataFrame:
    """Per-SKU lags and trailing means; all of them end at the previous week."""
    df = df.sort_values(["sku", "week"]).copy()
    g = df.groupby("sku")[target]
    for lag in lags:
        df[f"lag_{lag}"] = g.shift(lag)
    for w in windows:
        df[f"mean_{w}w"] = g.transform(lambda s, w=w: s.shift(1).rolling(w, min_periods=1).mean())
    df["weekofyear"] = df["week"].dt.isocalendar().week.astype(int)
    df["promo_next"] = df["promo_planned"].astype(int)
    return df.dropna(subset=[f"lag_{max(lags)}"])
