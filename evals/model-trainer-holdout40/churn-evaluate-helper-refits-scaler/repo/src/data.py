"""Loading and splitting for the subscription churn dataset."""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

log = logging.getLogger(__name__)

NUMERIC_COLS = [
    "tenure_months",
    "monthly_charges",
    "total_charges",
    "support_tickets_90d",
    "avg_session_minutes",
    "num_devices",
]
TARGET = "churned"


def load_dataset(path: str | Path) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df.dropna(subset=[TARGET])
    # a handful of brand-new accounts have a blank total; they have not been billed yet
    df["total_charges"] = pd.to_numeric(df["total_charges"], errors="coerce").fillna(0.0)
    log.info("loaded %d rows, churn rate %.3f", len(df), df[TARGET].mean())
    return df


def split(df: pd.DataFrame, test_size: float, seed: int):
    X = df[NUMERIC_COLS]
    y = df[TARGET].astype(int)
    return train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)
