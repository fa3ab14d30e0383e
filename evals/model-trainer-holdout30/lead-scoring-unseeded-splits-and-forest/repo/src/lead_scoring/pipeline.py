"""Model pipelines."""
from __future__ import annotations

from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from lead_scoring.data import CATEGORICAL, NUMERIC


def preprocessor(scale: bool) -> ColumnTransformer:
    num = [SimpleImputer(strategy="median")] + ([StandardScaler()] if scale else [])
    return ColumnTransformer([
        ("num", make_pipeline(*num), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
    ])


def forest_pipeline(params: dict) -> Pipeline:
    return Pipeline([
        ("prep", preprocessor(scale=False)),
        ("rf", RandomForestClassifier(**params, class_weight="balanced_subsample", n_jobs=-1)),
    ])


def logistic_pipeline() -> Pipeline:
    return Pipeline([
        ("prep", preprocessor(scale=True)),
        ("lr", LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")),
    ])
