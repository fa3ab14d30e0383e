from dataclasses import dataclass

import pandas as pd
from sklearn.model_selection import train_test_split


@dataclass
class Splits:
    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: pd.Series
    y_test: pd.Series


def load_frame(path: str, target: str, drop: list[str]) -> tuple[pd.DataFrame, pd.Series]:
    df = pd.read_parquet(path)
    y = df.pop(target).astype(int)
    X = df.drop(columns=drop)
    cat_cols = X.select_dtypes("object").columns
    X[cat_cols] = X[cat_cols].astype("category")
    return X, y


def make_splits(X: pd.DataFrame, y: pd.Series, test_size: float, seed: int) -> Splits:
    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=test_size, stratify=y, random_state=seed
    )
    return Splits(X_tr, X_te, y_tr, y_te)
