"""Model pipelines (unfitted factories)."""
from __future__ import annotations

from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from airsat.data import CATEGORICAL, NUMERIC


def _prep(scale: bool) -> ColumnTransformer:
    num = make_pipeline(SimpleImputer(strategy="median"), *([StandardScaler()] if scale else []))
    return ColumnTransformer([("num", num, NUMERIC),
                              ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL)])


def gbm(params: dict, seed: int) -> Pipeline:
    return Pipeline([("prep", _prep(scale=False)),
                     ("gbm", HistGradientBoostingClassifier(**params, early_stopping=True, validation_fraction=0.1,
                                                            random_state=seed))])


def logistic(seed: int) -> Pipeline:
    return Pipeline([("prep", _prep(scale=True)),
                     ("lr", LogisticRegression(C=1.0, max_iter=3000, random_state=seed))])
