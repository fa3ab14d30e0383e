from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression


def build_candidates(spec: dict, seed: int) -> dict:
    return {
        "logreg": LogisticRegression(max_iter=3000, random_state=seed, **spec["logreg"]),
        "hgb": HistGradientBoostingClassifier(random_state=seed, **spec["hgb"]),
    }


def prior_baseline() -> DummyClassifier:
    return DummyClassifier(strategy="prior")
