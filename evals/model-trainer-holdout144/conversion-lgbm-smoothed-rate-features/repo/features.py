"""Session-level feature engineering for the checkout conversion model."""
import numpy as np
import pandas as pd

NUMERIC_COLS = [
    "pageviews",
    "session_duration_sec",
    "product_page_views",
    "cart_adds",
    "search_queries",
    "scroll_depth_pct",
]


def add_time_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    ts = pd.to_datetime(df["session_start"], utc=True)
    df["hour_of_day"] = ts.dt.hour
    df["is_weekend"] = (ts.dt.dayofweek >= 5).astype(int)
    return df


def add_engagement_ratios(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    minutes = df["session_duration_sec"].clip(lower=1) / 60.0
    df["pages_per_min"] = df["pageviews"] / minutes
    df["cart_rate"] = df["cart_adds"] / df["product_page_views"].clip(lower=1)
    df["log_duration"] = np.log1p(df["session_duration_sec"])
    return df


def smoothed_rate(df: pd.DataFrame, col: str, target: str, alpha: float) -> pd.Series:
    """Bayesian-smoothed conversion rate per level of `col` (shrunk toward the global CR)."""
    prior = df[target].mean()
    stats = df.groupby(col)[target].agg(["sum", "count"])
    rate = (stats["sum"] + alpha * prior) / (stats["count"] + alpha)
    return df[col].map(rate).fillna(prior)


def add_rate_features(df: pd.DataFrame, cols, target="converted", alpha=20.0) -> pd.DataFrame:
    df = df.copy()
    for col in cols:
        df[f"{col}_cr"] = smoothed_rate(df, col, target, alpha)
    return df


def feature_columns(rate_cols):
    base = NUMERIC_COLS + ["hour_of_day", "is_weekend", "pages_per_min", "cart_rate", "log_duration"]
    return base + [f"{c}_cr" for c in rate_cols]
