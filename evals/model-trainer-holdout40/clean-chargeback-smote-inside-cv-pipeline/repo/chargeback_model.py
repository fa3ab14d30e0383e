"""Chargeback prediction (~1.5% positives) with SMOTE inside cross-validation."""
import argparse
import logging
from collections import Counter

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.preprocessing import StandardScaler

log = logging.getLogger("chargeback")
RANDOM_SEED = 4242


def pipelines(seed):
    return {
        "logreg_plain": (
            ImbPipeline([("scale", StandardScaler()), ("clf", LogisticRegression(max_iter=5000))]),
            {"clf__C": [0.1, 1.0]},
        ),
        "logreg_smote": (
            ImbPipeline([("scale", StandardScaler()), ("smote", SMOTE(random_state=seed)),
                         ("clf", LogisticRegression(max_iter=5000))]),
            {"smote__sampling_strategy": [0.1, 0.3], "clf__C": [0.1, 1.0]},
        ),
        "rf_smote": (
            ImbPipeline([("smote", SMOTE(random_state=seed)),
                         ("clf", RandomForestClassifier(n_estimators=400, n_jobs=-1, random_state=seed))]),
            {"smote__sampling_strategy": [0.1, 0.3], "clf__min_samples_leaf": [2, 10]},
        ),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/chargebacks.parquet")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    np.random.seed(RANDOM_SEED)

    frame = pd.read_parquet(args.data)
    y = frame.pop("chargeback").to_numpy()
    X = frame.drop(columns=["order_id"]).to_numpy(float)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=RANDOM_SEED)

    # for the log only: what the resampler does to the training class balance
    _, y_demo = SMOTE(sampling_strategy=0.3, random_state=RANDOM_SEED).fit_resample(X_train, y_train)
    log.info("train class counts %s -> after SMOTE(0.3) %s", Counter(y_train), Counter(y_demo))

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=RANDOM_SEED)
    fitted = {}
    for name, (pipe, grid) in pipelines(RANDOM_SEED).items():
        gs = GridSearchCV(pipe, grid, scoring="average_precision", cv=cv, n_jobs=-1).fit(X_train, y_train)
        fitted[name] = gs
        log.info("%-13s CV AP %.4f %s", name, gs.best_score_, gs.best_params_)
    best_name = max(fitted, key=lambda n: fitted[n].best_score_)
    best = fitted[best_name].best_estimator_

    oof = cross_val_predict(best, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
    p, r, t = precision_recall_curve(y_train, oof)
    threshold = float(t[np.argmax((2 * p * r / np.clip(p + r, 1e-9, None))[:-1])])

    proba = best.predict_proba(X_test)[:, 1]
    pred = proba >= threshold
    prior = DummyClassifier(strategy="prior").fit(X_train, y_train).predict_proba(X_test)[:, 1]
    log.info("selected %s, threshold %.3f (from out-of-fold train predictions)", best_name, threshold)
    log.info("test  AP %.4f | ROC AUC %.4f | precision %.3f | recall %.3f | F1 %.3f",
             average_precision_score(y_test, proba), roc_auc_score(y_test, proba),
             precision_score(y_test, pred), recall_score(y_test, pred), f1_score(y_test, pred))
    log.info("prior baseline AP %.4f", average_precision_score(y_test, prior))


if __name__ == "__main__":
    main()
