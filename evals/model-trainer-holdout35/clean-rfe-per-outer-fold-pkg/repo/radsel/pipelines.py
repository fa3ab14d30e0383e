from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import RFECV, VarianceThreshold
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def radiomics_rfe(cfg: dict, seed: int) -> Pipeline:
    """Variance filter -> scaling -> RFECV(logistic) -> logistic; everything is fitted per training fold."""
    inner = StratifiedKFold(n_splits=cfg["inner_folds"], shuffle=True, random_state=seed)
    ranker = LogisticRegression(C=cfg["logreg_C"], max_iter=5000)
    return Pipeline([
        ("var", VarianceThreshold(threshold=1e-8)),
        ("scale", StandardScaler()),
        ("rfe", RFECV(ranker, step=cfg["rfe"]["step"], cv=inner, scoring="roc_auc",
                      min_features_to_select=cfg["rfe"]["min_features_to_select"], n_jobs=-1)),
        ("clf", LogisticRegression(C=cfg["logreg_C"], max_iter=5000)),
    ])


def clinical_only(cfg: dict) -> Pipeline:
    return Pipeline([
        ("scale", StandardScaler()),
        ("clf", LogisticRegression(C=cfg["logreg_C"], max_iter=5000)),
    ])


def prior() -> DummyClassifier:
    return DummyClassifier(strategy="prior")
