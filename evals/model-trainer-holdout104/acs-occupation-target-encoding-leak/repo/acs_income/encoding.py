"""Smoothed (empirical-Bayes) category rates for high-cardinality PUMS codes."""
import numpy as np
import pandas as pd


def smoothed_target_rate(
    df: pd.DataFrame, col: str, target: str, weight: str, smoothing: float = 20.0
) -> pd.Series:
    """Weighted rate of `target` within each level of `col`, shrunk toward the overall rate."""
    w = df[weight].astype(float)
    prior = np.average(df[target], weights=w)
    grp = (
        df.assign(_wy=df[target] * w, _w=w)
        .groupby(col, observed=True)[["_wy", "_w"]]
        .sum()
    )
    n = df.groupby(col, observed=True).size()
    rate = (grp["_wy"] / grp["_w"] * n + prior * smoothing) / (n + smoothing)
    return df[col].map(rate).astype(float).fillna(prior)


def add_target_encodings(df, cols, target, weight, smoothing):
    out = df.copy()
    for col in cols:
        out[f"{col}_te"] = smoothed_target_rate(out, col, target, weight, smoothing)
    return out
