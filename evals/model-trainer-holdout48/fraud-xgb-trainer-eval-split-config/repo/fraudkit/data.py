"""Loading and splitting of the engineered card-transaction table."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from omegaconf import DictConfig
from sklearn.model_selection import train_test_split


@dataclass
class XY:
    X: pd.DataFrame
    y: pd.Series


def load_splits(cfg: DictConfig) -> dict[str, XY]:
    df = pd.read_parquet(cfg.data.path)
    y = df[cfg.data.target].astype(int)
    X = df.drop(columns=[cfg.data.target, *cfg.data.drop_cols])
    X_train, X_hold, y_train, y_hold = train_test_split(
        X, y, test_size=cfg.data.holdout_size, stratify=y, random_state=cfg.seed
    )
    return {"train": XY(X_train, y_train), "holdout": XY(X_hold, y_hold)}
