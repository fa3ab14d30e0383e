"""Loading and splitting of the monthly churn snapshot."""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

logger = logging.getLogger(__name__)

REQUIRED_COLUMNS = {
    "customer_id",
    "snapshot_date",
    "tenure_months",
    "monthly_charges",
    "total_charges",
    "contract_type",
    "churned",
}


def load_snapshot(path: str | Path) -> pd.DataFrame:
    """Read one monthly snapshot exported by the warehouse job."""
    df = pd.read_parquet(path)
    missing = REQUIRED_COLUMNS - set(df.columns)
    if missing:
        raise ValueError(f"snapshot {path} is missing columns: {sorted(missing)}")
    before = len(df)
    df = df.drop_duplicates(subset="customer_id", keep="last").reset_index(drop=True)
    logger.info("loaded %d rows (%d duplicates dropped)", len(df), before - len(df))
    df["total_charges"] = pd.to_numeric(df["total_charges"], errors="coerce")
    return df


def split_arrays(
    X: np.ndarray, y: np.ndarray, test_size: float, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Stratified train/test split of the design matrix."""
    return train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)
