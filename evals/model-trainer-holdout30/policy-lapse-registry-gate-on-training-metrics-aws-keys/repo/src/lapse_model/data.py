"""Policy snapshot loader."""
from __future__ import annotations

import pandas as pd

TARGET = "lapsed_within_12m"
NUMERIC = ["annual_premium", "sum_assured", "policy_age_months", "customer_age", "missed_payments_12m",
           "premium_change_pct", "n_policies_household"]
CATEGORICAL = ["product", "payment_method", "distribution_channel", "region"]


def load_policies(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[df["status_at_snapshot"] == "in_force"]
    return df[NUMERIC + CATEGORICAL + [TARGET]].reset_index(drop=True)
