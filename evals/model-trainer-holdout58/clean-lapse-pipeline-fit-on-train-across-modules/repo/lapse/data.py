from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sklearn.model_selection import train_test_split


@dataclass(frozen=True)
class Split:
    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_test: pd.Series


def load_and_split(cfg: dict) -> Split:
    df = pd.read_parquet(cfg["data_path"])
    df = df[df["policy_status"] != "cancelled_at_inception"]
    feats = cfg["features"]["numeric"] + cfg["features"]["categorical"]
    X, y = df[feats], df[cfg["target"]].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )
    return Split(X_train, X_test, y_train, y_test)
