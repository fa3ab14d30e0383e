"""Loading helpers for the probability-of-default model."""
from __future__ import annotations

import pandas as pd

TARGET = "default_12m"
NUMERIC = [
    "annual_income",
    "loan_amount",
    "debt_to_income",
    "revolving_util",
    "credit_history_months",
    "open_accounts",
    "delinq_2y",
    "inquiries_6m",
]
CATEGORICAL = ["home_ownership", "purpose", "employment_length", "grade"]


def load_split(path: str) -> tuple[pd.DataFrame, pd.Series]:
    df = pd.read_parquet(path)
    return df[NUMERIC + CATEGORICAL], df[TARGET]
