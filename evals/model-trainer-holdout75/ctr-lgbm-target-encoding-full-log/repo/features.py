"""Feature helpers shared by the CTR training job and the offline scorer."""
import numpy as np
import pandas as pd


def add_time_features(df: pd.DataFrame) -> pd.DataFrame:
    ts = pd.to_datetime(df["event_ts"], unit="s")
    df = df.copy()
    df["event_time"] = ts
    df["hour"] = ts.dt.hour.astype(np.int8)
    df["dow"] = ts.dt.dayofweek.astype(np.int8)
    return df


def smoothed_target_encode(df, cols, target="clicked", smoothing=20.0):
    """Bayesian-smoothed click-rate encoding for high-cardinality ids.

    Returns the encoded frame plus the per-column mappings so the scorer
    can apply the same encoding at serving time.
    """
    prior = df[target].mean()
    encoded = pd.DataFrame(index=df.index)
    mappings = {}
    for col in cols:
        stats = df.groupby(col)[target].agg(["sum", "count"])
        rate = (stats["sum"] + prior * smoothing) / (stats["count"] + smoothing)
        mappings[col] = rate
        encoded[f"{col}_te"] = df[col].map(rate).fillna(prior).astype(np.float32)
    return encoded, mappings, prior


def apply_target_encoding(df, mappings, prior):
    out = pd.DataFrame(index=df.index)
    for col, rate in mappings.items():
        out[f"{col}_te"] = df[col].map(rate).fillna(prior).astype(np.float32)
    return out


def time_split(df, valid_start, test_start, ts_col="event_time"):
    valid_start = pd.Timestamp(valid_start)
    test_start = pd.Timestamp(test_start)
    train = df[df[ts_col] < valid_start]
    valid = df[(df[ts_col] >= valid_start) & (df[ts_col] < test_start)]
    test = df[df[ts_col] >= test_start]
    return train, valid, test
