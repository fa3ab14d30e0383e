"""Feature engineering for the subscription churn model."""
import numpy as np
import pandas as pd


def add_tenure_features(df):
    out = df.copy()
    out["tenure_months"] = (out["snapshot_date"] - out["signup_date"]).dt.days / 30.44
    out["tenure_bucket"] = pd.cut(
        out["tenure_months"], bins=[-np.inf, 3, 12, 24, 48, np.inf],
        labels=["<3m", "3-12m", "1-2y", "2-4y", "4y+"],
    ).astype(str)
    out["tickets_per_month"] = out["support_tickets_90d"] / 3.0
    out["discount_share"] = out["discount_amount"] / out["list_price"].replace(0, np.nan)
    return out


def add_target_encoding(df, columns, target, smoothing=20.0):
    """Replace high-cardinality categoricals with smoothed target means."""
    out = df.copy()
    prior = out[target].mean()
    for col in columns:
        stats = out.groupby(col)[target].agg(["mean", "count"])
        weight = stats["count"] / (stats["count"] + smoothing)
        enc = weight * stats["mean"] + (1 - weight) * prior
        out[f"{col}_te"] = out[col].map(enc).fillna(prior)
    return out


def feature_columns(cfg):
    numeric = list(cfg["features"]["numeric"])
    encoded = [f"{c}_te" for c in cfg["features"]["target_encode"]]
    return numeric + encoded + list(cfg["features"]["one_hot"])
