from __future__ import annotations

from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline

from lapse.data import Split
from lapse.features import make_preprocessor


def _scores(y_true, proba) -> dict[str, float]:
    return {
        "roc_auc": float(roc_auc_score(y_true, proba)),
        "pr_auc": float(average_precision_score(y_true, proba)),
        "brier": float(brier_score_loss(y_true, proba)),
    }


def evaluate_on_test(model, split: Split, cfg: dict) -> dict:
    baselines = {
        "prior": DummyClassifier(strategy="prior"),
        "logreg": make_pipeline(make_preprocessor(cfg), LogisticRegression(max_iter=2000)),
    }
    report = {"model": _scores(split.y_test, model.predict_proba(split.X_test)[:, 1])}
    for name, est in baselines.items():
        est.fit(split.X_train, split.y_train)
        report[name] = _scores(split.y_test, est.predict_proba(split.X_test)[:, 1])
    return report
