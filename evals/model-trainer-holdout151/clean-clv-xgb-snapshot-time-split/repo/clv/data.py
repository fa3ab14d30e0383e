import numpy as np
import pandas as pd

FEATURES = [
    "recency_days", "frequency_365d", "monetary_365d", "aov_365d", "orders_90d",
    "revenue_90d", "tenure_days", "n_categories_365d", "returns_rate_365d",
    "subscription_active", "subscription_months", "email_click_rate_90d",
    "app_user", "quarter_of_year",
]


def load(path: str, snapshot_col: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df[snapshot_col] = pd.to_datetime(df[snapshot_col])
    df["aov_365d"] = df["monetary_365d"] / df["frequency_365d"].replace(0, np.nan)
    df["quarter_of_year"] = df[snapshot_col].dt.quarter
    return df


def time_split(df, snapshot_col, valid_snapshot, test_snapshot, horizon_months):
    """Out-of-time split on snapshot date.

    Training snapshots must have their whole label window closed before the
    validation snapshot, and validation labels must close before the test
    snapshot, otherwise the later snapshot's features overlap earlier labels.
    """
    valid_ts, test_ts = pd.Timestamp(valid_snapshot), pd.Timestamp(test_snapshot)
    horizon = pd.DateOffset(months=horizon_months)
    assert valid_ts + horizon <= test_ts, "validation labels would overlap the test snapshot"

    snaps = df[snapshot_col]
    train = df[snaps + horizon <= valid_ts]
    valid = df[snaps == valid_ts]
    test = df[snaps == test_ts]
    return train, valid, test
