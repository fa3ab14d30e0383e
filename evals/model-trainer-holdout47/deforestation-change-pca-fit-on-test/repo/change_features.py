"""Bi-temporal Sentinel-2 change features for forest loss detection."""
import numpy as np
import pandas as pd

BANDS = ["B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12"]


def _nd(a, b):
    return (a - b) / np.clip(a + b, 1e-6, None)


def build_change_features(df: pd.DataFrame) -> pd.DataFrame:
    """Per-pixel band differences and index deltas between the t0 and t1 composites."""
    feats = {}
    for b in BANDS:
        feats[f"d_{b}"] = df[f"{b}_t1"] - df[f"{b}_t0"]
    for t in ("t0", "t1"):
        feats[f"ndvi_{t}"] = _nd(df[f"B08_{t}"], df[f"B04_{t}"])
        feats[f"nbr_{t}"] = _nd(df[f"B08_{t}"], df[f"B12_{t}"])
        feats[f"ndmi_{t}"] = _nd(df[f"B08_{t}"], df[f"B11_{t}"])
    out = pd.DataFrame(feats, index=df.index)
    out["d_ndvi"] = out["ndvi_t1"] - out["ndvi_t0"]
    out["d_nbr"] = out["nbr_t1"] - out["nbr_t0"]
    out["d_ndmi"] = out["ndmi_t1"] - out["ndmi_t0"]
    return out
