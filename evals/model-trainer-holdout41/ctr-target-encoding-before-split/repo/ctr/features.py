"""Feature helpers for the display-ads CTR model."""
import numpy as np
import pandas as pd

CATEGORICAL = ["site_id", "app_id", "device_model", "ad_id", "campaign_id"]


def add_time_features(df: pd.DataFrame) -> pd.DataFrame:
    """Hour-of-day / day-of-week from the impression timestamp (row-wise only)."""
    ts = pd.to_datetime(df["event_ts"], unit="s")
    out = df.copy()
    out["hour"] = ts.dt.hour
    out["dow"] = ts.dt.dayofweek
    out["is_weekend"] = (out["dow"] >= 5).astype(np.int8)
    return out


def target_encode(df: pd.DataFrame, cols, target: str = "clicked", smoothing: float = 50.0) -> pd.DataFrame:
    """Smoothed click-rate encoding for high-cardinality ids.

    Rare ids are shrunk toward the global CTR so a single lucky click
    does not dominate the encoded value.
    """
    out = df.copy()
    prior = df[target].mean()
    for col in cols:
        stats = df.groupby(col)[target].agg(["sum", "count"])
        enc = (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)
        out[f"te_{col}"] = df[col].map(enc).fillna(prior).astype(np.float32)
    return out


def frequency_encode(df: pd.DataFrame, cols) -> pd.DataFrame:
    out = df.copy()
    for col in cols:
        counts = df[col].value_counts()
        out[f"freq_{col}"] = np.log1p(df[col].map(counts).fillna(0)).astype(np.float32)
    return out
