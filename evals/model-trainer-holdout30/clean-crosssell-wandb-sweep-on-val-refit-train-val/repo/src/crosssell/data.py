"""Cross-sell response data: load and split (stratified, seeded)."""
from __future__ import annotations

import pandas as pd
from sklearn.model_selection import train_test_split

TARGET = "response"
NUMERIC = ["age", "annual_premium", "vintage_days", "region_code", "policy_sales_channel"]
CATEGORICAL = ["gender", "vehicle_age", "vehicle_damage", "previously_insured", "driving_license"]


def load_customers(path: str) -> pd.DataFrame:
    return pd.read_csv(path).drop_duplicates(subset="customer_id").set_index("customer_id")


def make_splits(df: pd.DataFrame, seed: int, val_size: float = 0.15, test_size: float = 0.15):
    dev, test = train_test_split(df, test_size=test_size, stratify=df[TARGET], random_state=seed)
    train, val = train_test_split(dev, test_size=val_size / (1 - test_size), stratify=dev[TARGET], random_state=seed)
    return train, val, test
