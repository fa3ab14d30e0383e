"""Model factory for the claims-triage classifier."""
from __future__ import annotations

from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

from claims_triage.data import CATEGORICAL, NUMERIC


def make_model(params: dict, seed: int) -> Pipeline:
    prep = ColumnTransformer(
        [
            ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                   encoded_missing_value=-1), CATEGORICAL),
            ("num", "passthrough", NUMERIC),
        ],
        verbose_feature_names_out=False,
    )
    n_cat = len(CATEGORICAL)
    gbm = HistGradientBoostingClassifier(
        **params,
        categorical_features=list(range(n_cat)),
        early_stopping=True,
        validation_fraction=0.1,
        n_iter_no_change=30,
        random_state=seed,
    )
    return Pipeline([("prep", prep), ("gbm", gbm)])
