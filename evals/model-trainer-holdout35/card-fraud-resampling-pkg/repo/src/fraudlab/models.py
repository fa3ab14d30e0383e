from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def build_models(cfg: dict, seed: int) -> dict:
    return {
        "prior": DummyClassifier(strategy="prior"),
        "logreg": make_pipeline(
            StandardScaler(),
            LogisticRegression(C=cfg["logreg"]["C"], max_iter=5000, random_state=seed),
        ),
        "hgb": HistGradientBoostingClassifier(**cfg["hgb"], random_state=seed),
    }
