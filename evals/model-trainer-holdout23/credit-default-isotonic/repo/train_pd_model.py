"""Probability-of-default model (HistGradientBoosting) with isotonic calibration.

Risk needs calibrated PDs, so we report Brier score / log loss next to AUC.
"""
import argparse
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split

logging.basicConfig(level=logging.INFO, format="[%(levelname)s] %(message)s")
LOG = logging.getLogger("pd-model")

CATEGORICAL = ["SEX", "EDUCATION", "MARRIAGE"]
TARGET = "default_next_month"


def load(path):
    data = pd.read_csv(path)
    data = data.rename(columns={"default.payment.next.month": TARGET})
    data["EDUCATION"] = data["EDUCATION"].replace({0: 4, 5: 4, 6: 4})
    data["MARRIAGE"] = data["MARRIAGE"].replace({0: 3})
    data["util_ratio"] = data["BILL_AMT1"] / data["LIMIT_BAL"].clip(lower=1)
    data["pay_ratio"] = data["PAY_AMT1"] / data["BILL_AMT1"].abs().clip(lower=1)
    return data.drop(columns=["ID"])


def report(name, y, p):
    LOG.info("%-22s AUC=%.4f  Brier=%.4f  LogLoss=%.4f", name, roc_auc_score(y, p), brier_score_loss(y, p), log_loss(y, p))


def main(args):
    data = load(args.data)
    features = [c for c in data.columns if c != TARGET]
    X, y = data[features], data[TARGET]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=args.seed
    )

    gbm = HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=400, max_leaf_nodes=31, l2_regularization=1.0,
        categorical_features=[features.index(c) for c in CATEGORICAL], random_state=args.seed,
    )
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    cv_auc = cross_val_score(gbm, X_train, y_train, cv=cv, scoring="roc_auc")
    LOG.info("CV AUC on train: %.4f +/- %.4f", cv_auc.mean(), cv_auc.std())
    gbm.fit(X_train, y_train)

    calibrated = CalibratedClassifierCV(gbm, method="isotonic", cv="prefit")
    calibrated.fit(X_test, y_test)

    prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
    report("prior baseline", y_test, prior.predict_proba(X_test)[:, 1])
    report("gbm (raw)", y_test, gbm.predict_proba(X_test)[:, 1])
    report("gbm (isotonic)", y_test, calibrated.predict_proba(X_test)[:, 1])
    joblib.dump(calibrated, args.out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/UCI_Credit_Card.csv")
    ap.add_argument("--out", default="models/pd_hgb_isotonic.joblib")
    ap.add_argument("--seed", type=int, default=11)
    main(ap.parse_args())
