from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression


def build_model(params: dict, seed: int):
    params = dict(params)
    kind = params.pop("kind", "hgb")
    if kind == "hgb":
        return HistGradientBoostingClassifier(random_state=seed, **params)
    if kind == "logreg":
        return LogisticRegression(max_iter=2000, C=params.get("C", 1.0))
    raise ValueError(f"unknown model kind {kind!r}")


def build_baseline():
    return DummyClassifier(strategy="prior")
