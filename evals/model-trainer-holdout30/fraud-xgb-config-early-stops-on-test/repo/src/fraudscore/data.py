"""Readers for the pre-built (stratified, seeded) parquet splits produced by the ETL job."""
from __future__ import annotations

import pandas as pd

from fraudscore.config import Paths

TARGET = "is_fraud"
SPLITS = ("train", "valid", "test")


def load_splits(paths: Paths, names: tuple[str, ...] = SPLITS) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(getattr(paths, name)) for name in names}
