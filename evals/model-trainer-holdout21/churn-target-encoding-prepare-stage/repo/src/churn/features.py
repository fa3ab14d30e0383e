"""Feature engineering shared by the prepare stage and the batch scorer."""
import logging

import numpy as np
import pandas as pd

log = logging.getLogger(__name__)

TENURE_BINS = [0, 3, 6, 12, 24, 48, np.inf]


def add_usage_ratios(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["data_per_day"] = out["data_mb_30d"] / 30.0
    out["calls_per_day"] = out["call_minutes_30d"] / 30.0
    out["support_rate"] = out["support_tickets_90d"] / out["tenure_months"].clip(lower=1)
    out["tenure_bucket"] = pd.cut(out["tenure_months"], bins=TENURE_BINS, labels=False, right=False)
    return out


def add_segment_rates(df: pd.DataFrame, cols, target: str) -> pd.DataFrame:
    """Attach the historical churn rate of each plan / region / payment segment."""
    out = df.copy()
    for col in cols:
        out[f"{col}_churn_rate"] = out.groupby(col)[target].transform("mean")
        log.info("segment rate for %s (%d levels)", col, out[col].nunique())
    return out


def build_features(df: pd.DataFrame, categorical, target: str) -> pd.DataFrame:
    df = add_usage_ratios(df)
    df = add_segment_rates(df, categorical, target)
    for col in categorical:
        df[col] = df[col].astype("category")
    return df
