"""Helpers for the region > store > category hierarchy."""
import numpy as np
import pandas as pd

LEVELS = {
    "total": [],
    "region": ["region"],
    "store": ["region", "store_id"],
    "store_cat": ["region", "store_id", "category"],
}


def aggregate(df: pd.DataFrame, value_cols: list[str]) -> dict[str, pd.DataFrame]:
    """Bottom-up sums for every level of the hierarchy."""
    out = {}
    for level, keys in LEVELS.items():
        out[level] = df.groupby(keys + ["date"], observed=True)[value_cols].sum().reset_index()
    return out


def level_scores(levels: dict[str, pd.DataFrame], actual: str, pred: str) -> pd.DataFrame:
    rows = []
    for level, frame in levels.items():
        err = frame[pred] - frame[actual]
        denom = frame[actual].abs().sum()
        rows.append({
            "level": level,
            "n_series": frame.groupby(LEVELS[level], observed=True).ngroups if LEVELS[level] else 1,
            "wape": float(err.abs().sum() / denom),
            "rmse": float(np.sqrt(np.mean(err ** 2))),
            "bias": float(err.sum() / denom),
        })
    return pd.DataFrame(rows)
