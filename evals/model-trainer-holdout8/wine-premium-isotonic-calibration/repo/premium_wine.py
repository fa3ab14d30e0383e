"""Probability that a Vinho Verde lot is graded premium (quality >= 7).

The lab wants calibrated probabilities, so the forest is recalibrated with isotonic regression.
"""
import argparse

import joblib
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

SEED = 5


def read_lots(red_csv, white_csv):
    red = pd.read_csv(red_csv, sep=";").assign(is_red=1)
    white = pd.read_csv(white_csv, sep=";").assign(is_red=0)
    lots = pd.concat([red, white], ignore_index=True)
    lots["premium"] = (lots["quality"] >= 7).astype(int)
    lots["free_so2_ratio"] = lots["free sulfur dioxide"] / lots["total sulfur dioxide"]
    return lots.drop(columns="quality")


def tune_forest(X, y):
    grid = GridSearchCV(
        RandomForestClassifier(n_estimators=500, random_state=SEED, n_jobs=-1),
        {"max_depth": [None, 12, 20], "min_samples_leaf": [1, 3, 8], "max_features": ["sqrt", 0.5]},
        scoring="neg_log_loss",
        cv=StratifiedKFold(5, shuffle=True, random_state=SEED),
    )
    grid.fit(X, y)
    return grid.best_estimator_


def calibrate_on(model, X, y):
    iso = CalibratedClassifierCV(model, method="isotonic", cv="prefit")
    return iso.fit(X, y)


def report(name, y, p):
    print(f"{name:12s} AUC {roc_auc_score(y, p):.4f}  Brier {brier_score_loss(y, p):.4f}  logloss {log_loss(y, np.clip(p, 1e-6, 1 - 1e-6)):.4f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--red", default="winequality-red.csv")
    ap.add_argument("--white", default="winequality-white.csv")
    args = ap.parse_args()

    lots = read_lots(args.red, args.white)
    y = lots.pop("premium")
    X_tr, X_te, y_tr, y_te = train_test_split(lots, y, test_size=0.25, stratify=y, random_state=SEED)

    forest = tune_forest(X_tr, y_tr)
    forest_cal = calibrate_on(forest, X_te, y_te)

    dummy = DummyClassifier(strategy="prior").fit(X_tr, y_tr)
    report("prior", y_te, dummy.predict_proba(X_te)[:, 1])
    report("forest", y_te, forest.predict_proba(X_te)[:, 1])
    report("forest+iso", y_te, forest_cal.predict_proba(X_te)[:, 1])
    joblib.dump(forest_cal, "premium_wine_rf_iso.joblib")


if __name__ == "__main__":
    main()
