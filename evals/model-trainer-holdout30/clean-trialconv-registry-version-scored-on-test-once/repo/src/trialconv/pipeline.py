"""Model pipeline factory."""
from __future__ import annotations

from sklearn.pipeline import Pipeline
from xgboost import XGBClassifier

from trialconv.features import build_preprocessor


def make_pipeline(params: dict, seed: int) -> Pipeline:
    return Pipeline([
        ("prep", build_preprocessor()),
        ("xgb", XGBClassifier(**params, tree_method="hist", eval_metric="aucpr", random_state=seed, n_jobs=4)),
    ])
