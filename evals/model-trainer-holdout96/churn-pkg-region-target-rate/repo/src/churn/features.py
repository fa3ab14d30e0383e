import numpy as np
import pandas as pd

TENURE_BINS = [0, 6, 12, 24, 48, np.inf]
TENURE_LABELS = ["0-6m", "6-12m", "1-2y", "2-4y", "4y+"]


def add_tenure_bucket(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["tenure_bucket"] = pd.cut(
        out["tenure_months"], bins=TENURE_BINS, labels=TENURE_LABELS, right=False
    ).astype(str)
    return out


def add_usage_ratios(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["charges_per_month"] = out["total_charges"] / out["tenure_months"].clip(lower=1)
    out["support_calls_per_month"] = out["support_calls_90d"] / 3.0
    out["data_usage_trend"] = out["data_gb_30d"] / (out["data_gb_90d"] / 3.0 + 1e-3)
    return out


def add_region_risk(df: pd.DataFrame, target: str, smoothing: float = 20.0) -> pd.DataFrame:
    """Smoothed historical churn rate per sales region."""
    out = df.copy()
    global_rate = out[target].mean()
    stats = out.groupby("region")[target].agg(["mean", "count"])
    smoothed = (stats["mean"] * stats["count"] + global_rate * smoothing) / (stats["count"] + smoothing)
    out["region_churn_rate"] = out["region"].map(smoothed).fillna(global_rate)
    return out


def build_features(df: pd.DataFrame, target: str) -> pd.DataFrame:
    df = add_tenure_bucket(df)
    df = add_usage_ratios(df)
    df = add_region_risk(df, target)
    return df
