"""Feature engineering for the churn model.

build_features() is applied once to the raw customer table in scripts/prepare.py,
so every split ends up with exactly the same columns.
"""
import pandas as pd


def add_ratios(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["charges_per_month"] = out["total_charges"] / out["tenure_months"].clip(lower=1)
    out["calls_per_year"] = out["support_calls"] / (out["tenure_months"] / 12).clip(lower=1 / 12)
    out["is_new_customer"] = (out["tenure_months"] < 6).astype(int)
    return out


def add_target_encoding(df: pd.DataFrame, cols, target: str, smoothing: float = 20.0) -> pd.DataFrame:
    """Smoothed churn rate per category level (helps the sparse regions)."""
    out = df.copy()
    prior = out[target].mean()
    for col in cols:
        stats = out.groupby(col)[target].agg(["mean", "count"])
        smoothed = (stats["mean"] * stats["count"] + prior * smoothing) / (stats["count"] + smoothing)
        out[f"{col}_churn_rate"] = out[col].map(smoothed).fillna(prior)
    return out


def build_features(df: pd.DataFrame, cfg) -> pd.DataFrame:
    df = add_ratios(df)
    df = add_target_encoding(df, cfg.encode_target_for, cfg.target)
    for col in cfg.categorical:
        df[col] = df[col].astype("category")
    return df


def feature_columns(cfg) -> list[str]:
    derived = ["charges_per_month", "calls_per_year", "is_new_customer"]
    encoded = [f"{c}_churn_rate" for c in cfg.encode_target_for]
    return cfg.numeric + cfg.categorical + derived + encoded
