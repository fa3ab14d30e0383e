import numpy as np
import pandas as pd

FEATURES = [
    "position", "log_price", "price_vs_session_median", "is_promoted", "device_mobile",
    "hour", "n_prev_clicks_in_session", "seconds_since_session_start", "category_seen_before",
]


def session_features(impressions: pd.DataFrame) -> pd.DataFrame:
    """Per-impression features computed inside each session from earlier events only."""
    df = impressions.sort_values(["session_id", "ts"]).copy()
    df["log_price"] = np.log1p(df["price"])
    df["price_vs_session_median"] = df["price"] / df.groupby("session_id")["price"].transform("median")
    df["device_mobile"] = (df["device"] == "mobile").astype(int)
    df["hour"] = df["ts"].dt.hour
    df["n_prev_clicks_in_session"] = df.groupby("session_id")["clicked"].transform(
        lambda s: s.shift(1, fill_value=0).cumsum())
    start = df.groupby("session_id")["ts"].transform("min")
    df["seconds_since_session_start"] = (df["ts"] - start).dt.total_seconds()
    df["category_seen_before"] = df.groupby(["session_id", "category_id"]).cumcount().gt(0).astype(int)
    return df
