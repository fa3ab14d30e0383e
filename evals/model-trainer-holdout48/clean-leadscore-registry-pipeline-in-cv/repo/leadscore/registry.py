"""Named preprocessing steps and estimators; configs compose them into sklearn Pipelines."""
from __future__ import annotations

from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler, TargetEncoder

STEPS = {
    "median_impute": lambda seed: SimpleImputer(strategy="median"),
    "most_frequent_impute": lambda seed: SimpleImputer(strategy="most_frequent"),
    "standard_scale": lambda seed: StandardScaler(),
    "one_hot": lambda seed: OneHotEncoder(handle_unknown="ignore", min_frequency=10),
    "target_encode": lambda seed: TargetEncoder(target_type="binary", smooth="auto", cv=5, random_state=seed),
}

MODELS = {
    "prior": lambda seed: DummyClassifier(strategy="prior"),
    "logreg": lambda seed: LogisticRegression(max_iter=3000, C=1.0, random_state=seed),
    "hgb": lambda seed: HistGradientBoostingClassifier(max_iter=500, early_stopping=True,
                                                       validation_fraction=0.1, random_state=seed),
}


def build_preprocessor(columns: dict, steps: dict, seed: int) -> ColumnTransformer:
    transformers = []
    for group, names in steps.items():
        pipe = Pipeline([(n, STEPS[n](seed)) for n in names])
        transformers.append((group, pipe, columns[group]))
    return ColumnTransformer(transformers, remainder="drop")


def build_pipeline(cfg: dict, model_name: str | None = None) -> Pipeline:
    seed = cfg["seed"]
    name = model_name or cfg["model"]["name"]
    return Pipeline([
        ("prep", build_preprocessor(cfg["columns"], cfg["steps"], seed)),
        ("model", MODELS[name](seed)),
    ])
