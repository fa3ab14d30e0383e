from sklearn.dummy import DummyClassifier
from xgboost import XGBClassifier


def make_xgb(params: dict, seed: int) -> XGBClassifier:
    return XGBClassifier(random_state=seed, n_jobs=-1, tree_method="hist", **params)


def make_baseline() -> DummyClassifier:
    return DummyClassifier(strategy="stratified", random_state=0)
