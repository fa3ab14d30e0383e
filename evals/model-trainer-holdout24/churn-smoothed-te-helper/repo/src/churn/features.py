"""Feature engineering helpers shared by the churn training and scoring jobs."""
from __future__ import annotations

import numpy as np
import pandas as pd

TENURE_BINS = [0, 3, 6, 12, 24, 48, np.inf]


def add_tenure_bucket(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["tenure_bucket"] = pd.cut(out["tenure_months"], bins=TENURE_BINS, right=False, labels=False)
    return out


def add_usage_ratios(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["data_per_call"] = out["data_gb_30d"] / (out["calls_30d"] + 1)
    out["support_rate"] = out["support_tickets_90d"] / out["tenure_months"].clip(lower=1)
    out["log_arpu"] = np.log1p(out["arpu"])
    return out


def add_target_encodings(df: pd.DataFrame, cols, target: str, smoothing: float = 20.0) -> pd.DataFrame:
    """Smoothed mean-target encoding for the high-cardinality categoricals."""
    out = df.copy()
    prior = out[target].mean()
    for col in cols:
        stats = out.groupby(col)[target].agg(["mean", "count"])
        enc = (stats["mean"] * stats["count"] + prior * smoothing) / (stats["count"] + smoothing)
        out[f"{col}_te"] = out[col].map(enc).fillna(prior)
    return out


def model_columns(cfg) -> list[str]:
    engineered = ["tenure_bucket", "data_per_call", "support_rate", "log_arpu"]
    encoded = [f"{c}_te" for c in cfg["high_card_cols"]]
    return cfg["numeric_cols"] + engineered + encoded
