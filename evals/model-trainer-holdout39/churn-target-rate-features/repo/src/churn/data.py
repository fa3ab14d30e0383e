import logging
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

log = logging.getLogger(__name__)


def load_raw(path: str | Path) -> pd.DataFrame:
    df = pd.read_csv(path)
    # total_charges is blank for customers in their first billing cycle
    df["total_charges"] = pd.to_numeric(df["total_charges"], errors="coerce")
    log.info("loaded %d rows from %s", len(df), path)
    return df


def split_frame(df: pd.DataFrame, target: str, test_size: float, valid_size: float, seed: int):
    """Stratified train / valid / test split."""
    trainval, test = train_test_split(
        df, test_size=test_size, stratify=df[target], random_state=seed
    )
    rel_valid = valid_size / (1.0 - test_size)
    train, valid = train_test_split(
        trainval, test_size=rel_valid, stratify=trainval[target], random_state=seed
    )
    return (
        train.reset_index(drop=True),
        valid.reset_index(drop=True),
        test.reset_index(drop=True),
    )
