"""Candidate model zoo for the tabular AutoML runner."""
from catboost import CatBoostClassifier
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler
from xgboost import XGBClassifier


def _linear_preprocessor(numeric, categorical):
    return ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), categorical),
    ])


def _tree_preprocessor(numeric, categorical):
    return ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), numeric),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                               encoded_missing_value=-1), categorical),
    ])


def _estimator(name, params, seed):
    if name == "dummy_prior":
        return DummyClassifier(strategy="prior")
    if name == "logreg":
        return LogisticRegression(max_iter=3000, **params)
    if name == "random_forest":
        return RandomForestClassifier(n_jobs=-1, random_state=seed, **params)
    if name == "hist_gb":
        return HistGradientBoostingClassifier(random_state=seed, **params)
    if name == "xgboost":
        return XGBClassifier(tree_method="hist", random_state=seed, n_jobs=-1, **params)
    if name == "lightgbm":
        return LGBMClassifier(random_state=seed, verbose=-1, **params)
    if name == "catboost":
        return CatBoostClassifier(random_seed=seed, verbose=0, **params)
    raise ValueError(f"unknown candidate {name!r}")


def build_candidates(cfg, numeric, categorical):
    seed = cfg["seed"]
    models = {}
    for name, params in cfg["candidates"].items():
        if name in ("dummy_prior", "logreg"):
            pre = _linear_preprocessor(numeric, categorical)
        else:
            pre = _tree_preprocessor(numeric, categorical)
        models[name] = Pipeline([("pre", pre), ("clf", _estimator(name, params, seed))])
    return models
