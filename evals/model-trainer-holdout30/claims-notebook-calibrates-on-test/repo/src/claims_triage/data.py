"""Claims triage data access."""
from __future__ import annotations

import pandas as pd

TARGET = "needs_adjuster"
NUMERIC = ["claim_amount", "policy_age_days", "prior_claims_3y", "days_to_report", "vehicle_age", "repair_estimate"]
CATEGORICAL = ["claim_type", "region", "channel", "vehicle_class"]


def load_split(path: str) -> tuple[pd.DataFrame, pd.Series]:
    df = pd.read_parquet(path)
    return df[NUMERIC + CATEGORICAL], df[TARGET]
