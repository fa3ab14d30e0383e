#!/usr/bin/env python
"""Hotel booking cancellation model.  bin/train_cancellation.py --bookings data/bookings.csv"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline

from bookings.encoding import OOFTargetEncoder
from bookings.features import HIGH_CARD, basic_columns

SEED = 19
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("cancellation")


def build_model() -> Pipeline:
    return Pipeline([
        ("te", OOFTargetEncoder(HIGH_CARD, smoothing=30.0, random_state=SEED)),
        ("gbm", LGBMClassifier(n_estimators=700, learning_rate=0.03, num_leaves=63, min_child_samples=40,
                               subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                               random_state=SEED, verbose=-1)),
    ])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bookings", default="data/bookings.csv")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()

    raw = pd.read_csv(args.bookings)
    X, y = basic_columns(raw), raw["is_canceled"].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    cv_auc = cross_val_score(build_model(), X_train, y_train, cv=cv, scoring="roc_auc")
    log.info("5-fold CV ROC AUC on train: %.4f +- %.4f", cv_auc.mean(), cv_auc.std())

    model = build_model().fit(X_train, y_train)
    prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
    results = {}
    for name, est in [("prior", prior), ("te_lgbm", model)]:
        p = est.predict_proba(X_test)[:, 1]
        results[name] = {"roc_auc": roc_auc_score(y_test, p), "pr_auc": average_precision_score(y_test, p),
                         "log_loss": log_loss(y_test, p)}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "cancellation.joblib")
    (out / "metrics.json").write_text(json.dumps({"cv_roc_auc": cv_auc.tolist(), "test": results}, indent=2))
    log.info("%s", results)


if __name__ == "__main__":
    main()
