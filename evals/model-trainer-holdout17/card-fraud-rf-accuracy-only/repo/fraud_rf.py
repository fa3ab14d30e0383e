"""Card-transaction fraud detector (random forest).

Data: creditcard.csv (Time, V1..V28 PCA components, Amount, Class).
Fraud is rare: 492 positives out of 284,807 transactions (~0.17%).
"""
import argparse
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("fraud")

SEED = 31


def load(path):
    tx = pd.read_csv(path)
    tx["log_amount"] = np.log1p(tx["Amount"])
    tx["hour"] = (tx["Time"] // 3600) % 24
    return tx.drop(columns=["Time", "Amount"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/creditcard.csv")
    ap.add_argument("--trees", type=int, default=400)
    ap.add_argument("--out", default="models/fraud_rf.joblib")
    args = ap.parse_args()

    tx = load(args.data)
    y = tx.pop("Class")
    log.info("rows=%d  fraud=%d  rate=%.4f%%", len(y), y.sum(), 100 * y.mean())

    X_fit, X_eval, y_fit, y_eval = train_test_split(
        tx, y, test_size=0.25, stratify=y, random_state=SEED
    )

    majority = DummyClassifier(strategy="most_frequent").fit(X_fit, y_fit)
    forest = RandomForestClassifier(
        n_estimators=args.trees,
        max_depth=12,
        min_samples_leaf=5,
        class_weight="balanced_subsample",
        n_jobs=-1,
        random_state=SEED,
    ).fit(X_fit, y_fit)

    acc_majority = accuracy_score(y_eval, majority.predict(X_eval))
    acc_forest = accuracy_score(y_eval, forest.predict(X_eval))
    log.info("accuracy  majority=%.5f  forest=%.5f", acc_majority, acc_forest)
    if acc_forest <= acc_majority:
        log.warning("forest does not beat the majority-class baseline")

    joblib.dump(forest, args.out)


if __name__ == "__main__":
    main()
