import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_curve
from sklearn.pipeline import Pipeline

from .preprocessing import build_preprocessor


def make_pipeline(seed: int) -> Pipeline:
    return Pipeline([
        ("prep", build_preprocessor()),
        ("clf", LogisticRegression(solver="liblinear", max_iter=5000, class_weight="balanced", random_state=seed)),
    ])


def make_baseline() -> DummyClassifier:
    return DummyClassifier(strategy="prior")


def threshold_for_precision(y_true, scores, min_precision: float) -> float:
    """Lowest threshold whose precision reaches min_precision (maximises recall under that constraint)."""
    precision, _, thresholds = precision_recall_curve(y_true, scores)
    ok = np.where(precision[:-1] >= min_precision)[0]
    return float(thresholds[ok[0]]) if len(ok) else 0.5


def coefficient_table(fitted: Pipeline):
    names = fitted.named_steps["prep"].get_feature_names_out()
    coefs = fitted.named_steps["clf"].coef_.ravel()
    order = np.argsort(-np.abs(coefs))
    return [(names[i], float(coefs[i])) for i in order]
