"""Feature engineering shared by training and the batch scoring job."""
import pandas as pd

NUMERIC = [
    "tenure_months",
    "monthly_charges",
    "total_charges",
    "support_calls_90d",
    "data_usage_gb",
    "dropped_calls_90d",
]
CATEGORICAL = ["contract", "payment_method", "internet_service"]
TARGET = "churned"


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    """Row-wise features only: safe to compute before any split."""
    df = df.copy()
    df["total_charges"] = pd.to_numeric(df["total_charges"], errors="coerce")
    df["charges_per_month_of_tenure"] = df["total_charges"] / df["tenure_months"].clip(lower=1)
    df["calls_per_gb"] = df["support_calls_90d"] / (df["data_usage_gb"] + 1)
    df["is_month_to_month"] = (df["contract"] == "month-to-month").astype(int)
    return df


def encode_categoricals(df: pd.DataFrame) -> pd.DataFrame:
    return pd.get_dummies(df, columns=CATEGORICAL, drop_first=True, dtype=int)
