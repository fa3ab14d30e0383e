from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sklearn.model_selection import train_test_split


@dataclass
class Splits:
    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_test: pd.Series


def load_splits(data_cfg: dict, seed: int) -> Splits:
    df = pd.read_parquet(data_cfg["path"])
    y = df.pop(data_cfg["target"]).astype(int)
    X = df.drop(columns=["account_id", "as_of_date"])
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=data_cfg["test_size"], stratify=y, random_state=seed
    )
    return Splits(X_train, X_test, y_train, y_test)
