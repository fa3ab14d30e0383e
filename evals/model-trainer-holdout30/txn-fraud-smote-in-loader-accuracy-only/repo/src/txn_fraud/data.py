"""Card-transaction data: loading, rebalancing and splitting."""
from __future__ import annotations

import logging

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split

log = logging.getLogger(__name__)

PCA_COLS = [f"v{i}" for i in range(1, 29)]
FEATURES = PCA_COLS + ["amount_log", "hour"]
TARGET = "is_fraud"


def load_frame(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df["amount_log"] = np.log1p(df["amount"])
    df["hour"] = (df["time_s"] // 3600) % 24
    return df


def balanced_xy(df: pd.DataFrame, seed: int, ratio: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Features/labels with the minority class synthetically upsampled.

    Only ~0.17% of the transactions are fraud, far too skewed to train on directly.
    """
    X = df[FEATURES].to_numpy()
    y = df[TARGET].to_numpy()
    log.info("fraud rate before resampling: %.4f (%d / %d)", y.mean(), y.sum(), len(y))
    X_res, y_res = SMOTE(sampling_strategy=ratio, k_neighbors=5, random_state=seed).fit_resample(X, y)
    log.info("after SMOTE: %d rows, fraud rate %.3f", len(y_res), y_res.mean())
    return X_res, y_res


def make_splits(X: np.ndarray, y: np.ndarray, seed: int, test_size: float = 0.2):
    return train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)
