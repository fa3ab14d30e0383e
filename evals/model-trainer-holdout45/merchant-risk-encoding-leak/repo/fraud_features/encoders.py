import numpy as np
import pandas as pd


def smoothed_rate(keys: pd.Series, target: pd.Series, smoothing: float) -> pd.Series:
    prior = target.mean()
    stats = target.groupby(keys).agg(["sum", "count"])
    rate = (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)
    return keys.map(rate).fillna(prior)


def add_risk_encodings(df, columns, target, smoothing=50.0):
    """Historical fraud rate per entity (merchant, MCC, BIN, ...), smoothed towards the global rate."""
    out = df.copy()
    for col in columns:
        out[f"{col}_fraud_rate"] = smoothed_rate(out[col].astype(str), out[target], smoothing)
        out[f"{col}_volume"] = out.groupby(col)[col].transform("size")
    return out


def add_time_features(df, ts_col):
    out = df.copy()
    ts = pd.to_datetime(out[ts_col])
    out["hour"] = ts.dt.hour
    out["dow"] = ts.dt.dayofweek
    out["hour_sin"] = np.sin(2 * np.pi * out["hour"] / 24)
    out["hour_cos"] = np.cos(2 * np.pi * out["hour"] / 24)
    out["log_amount"] = np.log1p(out["amount"])
    out["billing_shipping_match"] = (out["billing_country"] == out["shipping_country"]).astype(int)
    return out
