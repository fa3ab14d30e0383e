from __future__ import annotations

import pandas as pd
from sklearn.model_selection import train_test_split

from fraud.config import TrainConfig

DROP_COLUMNS = ["transaction_id", "card_id", "event_time"]


def load_transactions(cfg: TrainConfig) -> tuple[pd.DataFrame, pd.Series]:
    df = pd.read_parquet(cfg.data_path)
    df["merchant_category"] = df["merchant_category"].astype("category")
    df["channel"] = df["channel"].astype("category")
    y = df.pop(cfg.target).astype(int)
    return df.drop(columns=DROP_COLUMNS), y


def three_way_split(X: pd.DataFrame, y: pd.Series, cfg: TrainConfig):
    holdout = cfg.val_size + cfg.test_size
    X_train, X_rest, y_train, y_rest = train_test_split(
        X, y, test_size=holdout, stratify=y, random_state=cfg.seed
    )
    X_val, X_test, y_val, y_test = train_test_split(
        X_rest, y_rest, test_size=cfg.test_size / holdout, stratify=y_rest, random_state=cfg.seed
    )
    return (X_train, y_train), (X_val, y_val), (X_test, y_test)
