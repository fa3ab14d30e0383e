"""Parkinson's voice-feature classifier: how many acoustic features do we need?

The number of univariately selected features is a hyper-parameter; we tune it with the
regularisation strength inside the CV and estimate generalisation with nested CV.
"""
import argparse
import functools
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import SelectKBest, mutual_info_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_validate, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 8
log = logging.getLogger("nested")


def build_search(inner_cv) -> GridSearchCV:
    pipe = Pipeline([
        ("scale", StandardScaler()),
        ("select", SelectKBest(score_func=functools.partial(mutual_info_classif, random_state=SEED))),
        ("clf", LogisticRegression(max_iter=5000, solver="liblinear")),
    ])
    grid = {
        "select__k": [5, 10, 20, 40, "all"],
        "clf__C": np.logspace(-3, 2, 6),
        "clf__penalty": ["l1", "l2"],
    }
    return GridSearchCV(pipe, grid, cv=inner_cv, scoring="roc_auc", n_jobs=-1, refit=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/voice_features.csv")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    np.random.seed(SEED)

    voice = pd.read_csv(args.data)
    # one row per subject (recordings were averaged upstream)
    y = voice.pop("parkinsons").astype(int).to_numpy()
    X = voice.drop(columns=["subject_id"])
    log.info("%d subjects, %d features, prevalence %.3f", *X.shape, y.mean())

    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

    inner = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    outer = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED + 100)

    # nested CV on the development part: selection + C re-tuned inside every outer training fold
    nested = cross_validate(build_search(inner), X_dev, y_dev, cv=outer,
                            scoring=["roc_auc", "average_precision", "neg_brier_score"],
                            return_estimator=True)
    chosen_k = [est.best_params_["select__k"] for est in nested["estimator"]]
    log.info("nested CV AUROC %.3f +/- %.3f  AP %.3f  Brier %.3f  (k per fold: %s)",
             nested["test_roc_auc"].mean(), nested["test_roc_auc"].std(),
             nested["test_average_precision"].mean(), -nested["test_neg_brier_score"].mean(), chosen_k)

    # final model: same search refitted on the whole development set, test scored once
    final = build_search(inner).fit(X_dev, y_dev)
    prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)
    p_final = final.predict_proba(X_test)[:, 1]
    p_prior = prior.predict_proba(X_test)[:, 1]
    report = {
        "best_params": {k: (v if isinstance(v, (int, str)) else float(v)) for k, v in final.best_params_.items()},
        "nested_cv_auroc_mean": float(nested["test_roc_auc"].mean()),
        "nested_cv_auroc_sd": float(nested["test_roc_auc"].std()),
        "test": {
            "model": {"auroc": roc_auc_score(y_test, p_final),
                      "ap": average_precision_score(y_test, p_final),
                      "brier": brier_score_loss(y_test, p_final)},
            "prior": {"auroc": roc_auc_score(y_test, p_prior),
                      "ap": average_precision_score(y_test, p_prior),
                      "brier": brier_score_loss(y_test, p_prior)},
        },
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(final.best_estimator_, out / "voice_logreg.joblib")
    (out / "report.json").write_text(json.dumps(report, indent=2))
    log.info(json.dumps(report["test"], indent=2))


if __name__ == "__main__":
    main()
