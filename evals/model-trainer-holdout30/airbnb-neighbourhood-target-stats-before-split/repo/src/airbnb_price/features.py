"""Feature engineering for the nightly-price model."""
from __future__ import annotations

import numpy as np
import pandas as pd

SNAPSHOT_DATE = pd.Timestamp("2024-03-01")

NUMERIC = [
    "accommodates", "bedrooms", "beds", "bathrooms", "review_scores_rating", "number_of_reviews",
    "minimum_nights", "latitude", "longitude", "amenity_count", "host_years", "beds_per_guest",
    "nbhd_price_mean", "nbhd_price_median",
]
CATEGORICAL = ["room_type", "property_type"]


def add_listing_features(df: pd.DataFrame) -> pd.DataFrame:
    """Row-wise features; no state."""
    out = df.copy()
    out["log_price"] = np.log1p(out["price"])
    out["amenity_count"] = out["amenities"].fillna("").str.count(",") + 1
    host_since = pd.to_datetime(out["host_since"], errors="coerce")
    out["host_years"] = (SNAPSHOT_DATE - host_since).dt.days / 365.25
    out["beds_per_guest"] = out["beds"] / out["accommodates"].clip(lower=1)
    return out


def add_location_price_stats(df: pd.DataFrame, target: str = "log_price", min_count: int = 20) -> pd.DataFrame:
    """Smoothed neighbourhood-level price level, a strong location prior."""
    global_mean = df[target].mean()
    stats = df.groupby("neighbourhood")[target].agg(["mean", "median", "count"])
    smoothed = (stats["mean"] * stats["count"] + global_mean * min_count) / (stats["count"] + min_count)
    out = df.copy()
    out["nbhd_price_mean"] = out["neighbourhood"].map(smoothed).fillna(global_mean)
    out["nbhd_price_median"] = out["neighbourhood"].map(stats["median"]).fillna(global_mean)
    return out
