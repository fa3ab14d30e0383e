"""sklearn pipeline factory."""
from __future__ import annotations

from typing import Any

from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from credit_pd.data import CATEGORICAL, NUMERIC


def build_preprocessor() -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("num", SimpleImputer(strategy="median"), NUMERIC),
            (
                "cat",
                Pipeline([
                    ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
                    ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=30)),
                ]),
                CATEGORICAL,
            ),
        ]
    )


def build_pipeline(params: dict[str, Any], seed: int) -> Pipeline:
    return Pipeline(
        [
            ("prep", build_preprocessor()),
            ("gbm", LGBMClassifier(**params, random_state=seed, verbose=-1)),
        ]
    )
