"""imblearn pipeline: preprocessing + SMOTE + classifier, so resampling happens inside each CV fold."""
from __future__ import annotations

from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from phishguard.features import CATEGORICAL, NUMERIC


def build_pipeline(seed: int) -> Pipeline:
    prep = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("tld", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=50, sparse_output=False), CATEGORICAL),
    ])
    return Pipeline([
        ("prep", prep),
        ("smote", SMOTE(random_state=seed)),
        ("clf", LogisticRegression(max_iter=5000, solver="saga", random_state=seed)),
    ])


PARAM_GRID = {
    "smote__sampling_strategy": [0.1, 0.25, 0.5],
    "smote__k_neighbors": [3, 5],
    "clf__C": [0.01, 0.1, 1.0, 10.0],
    "clf__penalty": ["l1", "l2"],
}
