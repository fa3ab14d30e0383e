"""Pipeline factory."""
from __future__ import annotations

from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

from lapse_model.data import CATEGORICAL, NUMERIC


def build_pipeline(params: dict, seed: int) -> Pipeline:
    prep = ColumnTransformer([
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1), CATEGORICAL),
        ("num", "passthrough", NUMERIC),
    ])
    gbm = HistGradientBoostingClassifier(**params, categorical_features=list(range(len(CATEGORICAL))),
                                         early_stopping=False, random_state=seed)
    return Pipeline([("prep", prep), ("gbm", gbm)])
