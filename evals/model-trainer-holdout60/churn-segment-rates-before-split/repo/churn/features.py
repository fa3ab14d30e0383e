"""Feature engineering for the subscriber churn model."""
from typing import Iterable

import numpy as np
import pandas as pd


def build_customer_aggregates(usage: pd.DataFrame) -> pd.DataFrame:
    """Roll monthly usage rows up to one row per customer."""
    agg = usage.groupby("customer_id").agg(
        total_minutes=("minutes", "sum"),
        avg_minutes=("minutes", "mean"),
        std_minutes=("minutes", "std"),
        total_data_gb=("data_gb", "sum"),
        n_support_calls=("support_calls", "sum"),
        n_late_payments=("late_payment", "sum"),
        months_active=("month", "nunique"),
    )
    agg["std_minutes"] = agg["std_minutes"].fillna(0.0)
    agg["minutes_per_month"] = agg["total_minutes"] / agg["months_active"].clip(lower=1)
    agg["calls_per_month"] = agg["n_support_calls"] / agg["months_active"].clip(lower=1)
    return agg.reset_index()


def add_segment_rates(
    df: pd.DataFrame,
    cols: Iterable[str],
    target: str = "churned",
    smoothing: float = 20.0,
) -> pd.DataFrame:
    """Add a smoothed churn rate for each level of the given categorical columns."""
    out = df.copy()
    prior = df[target].mean()
    for col in cols:
        stats = df.groupby(col)[target].agg(["sum", "count"])
        rate = (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)
        out[f"{col}_churn_rate"] = out[col].map(rate).fillna(prior).astype(float)
    return out


def add_ratio_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["charge_per_gb"] = out["monthly_charge"] / (out["total_data_gb"] + 1.0)
    out["tenure_years"] = out["tenure_months"] / 12.0
    out["log_total_minutes"] = np.log1p(out["total_minutes"])
    out["has_contract"] = (out["contract_months"] > 0).astype(int)
    return out
