"""CRM lead table -> train/valid/test frames."""
from __future__ import annotations

import pandas as pd
from sklearn.model_selection import train_test_split

TARGET = "converted"
NUMERIC = ["company_size", "web_visits_30d", "email_opens_30d", "demo_requests", "days_since_first_touch"]
CATEGORICAL = ["industry", "lead_source", "country", "job_level"]


def load_leads(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df.drop_duplicates(subset="lead_id")
    return df[NUMERIC + CATEGORICAL + [TARGET]]


def make_splits(df: pd.DataFrame, test_size: float = 0.2, valid_size: float = 0.2):
    train_valid, test = train_test_split(df, test_size=test_size, stratify=df[TARGET])
    rel = valid_size / (1.0 - test_size)
    train, valid = train_test_split(train_valid, test_size=rel, stratify=train_valid[TARGET])
    return train, valid, test
