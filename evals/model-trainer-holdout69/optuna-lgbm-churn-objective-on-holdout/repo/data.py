"""Loading and light feature engineering for the telco churn table."""
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

CATEGORICAL = ["contract_type", "payment_method", "internet_service", "region"]
DROP = ["customer_id", "signup_date"]


def load_frame(path: str) -> pd.DataFrame:
    df = pd.read_parquet(Path(path))
    df = df.drop(columns=[c for c in DROP if c in df.columns])
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    df["tenure_years"] = df["tenure_months"] / 12.0
    df["charges_per_month"] = df["total_charges"] / df["tenure_months"].clip(lower=1)
    df["has_support_calls"] = (df["support_calls_90d"] > 0).astype(int)
    return df


def split(df: pd.DataFrame, target: str, test_size: float, seed: int):
    X = df.drop(columns=[target])
    y = df[target].astype(int)
    return train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)
