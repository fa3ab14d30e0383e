from dataclasses import dataclass
from typing import List

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder


@dataclass
class Splits:
    X_train: np.ndarray
    y_train: np.ndarray
    X_valid: np.ndarray
    y_valid: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    cat_idxs: List[int]
    cat_dims: List[int]


def make_splits(df: pd.DataFrame, cfg: dict) -> Splits:
    target, cats, nums = cfg["target"], cfg["categorical"], cfg["numerical"]
    train_df, test_df = train_test_split(df, test_size=cfg["test_size"], stratify=df[target],
                                         random_state=cfg["seed"])
    train_df, valid_df = train_test_split(train_df, test_size=cfg["valid_size"], stratify=train_df[target],
                                          random_state=cfg["seed"])

    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)
    encoder.fit(train_df[cats].astype(str))
    medians = train_df[nums].median()

    def to_matrix(frame: pd.DataFrame) -> np.ndarray:
        cat_part = encoder.transform(frame[cats].astype(str)) + 1
        num_part = frame[nums].fillna(medians).values
        return np.hstack([cat_part, num_part]).astype(np.float32)

    return Splits(
        X_train=to_matrix(train_df), y_train=train_df[target].values,
        X_valid=to_matrix(valid_df), y_valid=valid_df[target].values,
        X_test=to_matrix(test_df), y_test=test_df[target].values,
        cat_idxs=list(range(len(cats))),
        cat_dims=[len(c) + 1 for c in encoder.categories_],
    )
