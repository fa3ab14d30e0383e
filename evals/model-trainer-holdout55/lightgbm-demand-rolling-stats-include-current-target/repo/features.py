"""Feature engineering for the daily store-item demand model."""
import pandas as pd

KEYS = ["store_id", "item_id"]


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    d = df["date"]
    df["dow"] = d.dt.dayofweek
    df["dom"] = d.dt.day
    df["month"] = d.dt.month
    df["weekofyear"] = d.dt.isocalendar().week.astype(int)
    df["is_month_end"] = d.dt.is_month_end.astype(int)
    return df


def add_lags(df: pd.DataFrame, target: str, lags: list[int]) -> pd.DataFrame:
    grouped = df.groupby(KEYS, sort=False)[target]
    for lag in lags:
        df[f"{target}_lag_{lag}"] = grouped.shift(lag)
    return df


def add_rolling(df: pd.DataFrame, target: str, windows: list[int]) -> pd.DataFrame:
    grouped = df.groupby(KEYS, sort=False)[target]
    for w in windows:
        df[f"{target}_rmean_{w}"] = grouped.transform(lambda s: s.rolling(w, min_periods=1).mean())
        df[f"{target}_rstd_{w}"] = grouped.transform(lambda s: s.rolling(w, min_periods=2).std())
    return df


def add_price_features(df: pd.DataFrame) -> pd.DataFrame:
    grouped = df.groupby(KEYS, sort=False)["sell_price"]
    df["price_change_7"] = grouped.pct_change(7)
    df["price_change_28"] = grouped.pct_change(28)
    return df


def build_features(df: pd.DataFrame, cfg: dict) -> pd.DataFrame:
    df = df.sort_values(KEYS + ["date"]).reset_index(drop=True)
    df = add_calendar(df)
    df = add_lags(df, cfg["target"], cfg["lags"])
    df = add_rolling(df, cfg["target"], cfg["rolling_windows"])
    df = add_price_features(df)
    return df
