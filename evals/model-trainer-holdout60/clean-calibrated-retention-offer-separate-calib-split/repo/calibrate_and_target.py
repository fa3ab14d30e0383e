"""Calibrated churn probabilities for the retention-offer budget.

The campaign decides who gets a retention voucher by expected value, so the
probabilities need to be calibrated, not only well ranked.
"""
import argparse
import json

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV, calibration_curve
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 314
VOUCHER_COST = 15.0
SAVE_RATE = 0.35


def expected_profit(y, proba, threshold, clv):
    contact = proba >= threshold
    return float(np.sum(contact * (y * SAVE_RATE * clv - VOUCHER_COST)))


def pick_threshold(y, proba, clv):
    grid = np.linspace(0.02, 0.9, 89)
    profits = [expected_profit(y, proba, t, clv) for t in grid]
    return float(grid[int(np.argmax(profits))])


def ece(y, proba, n_bins=10):
    frac_pos, mean_pred = calibration_curve(y, proba, n_bins=n_bins, strategy="quantile")
    return float(np.mean(np.abs(frac_pos - mean_pred)))


def main(args):
    df = pd.read_parquet(args.data)
    y = df.pop("churned_60d").astype(int).to_numpy()
    clv = df.pop("clv_12m").to_numpy()
    X = df.drop(columns=["customer_id"])

    X_tmp, X_test, y_tmp, y_test, clv_tmp, clv_test = train_test_split(
        X, y, clv, test_size=0.2, stratify=y, random_state=SEED)
    X_train, X_cal, y_train, y_cal, clv_train, clv_cal = train_test_split(
        X_tmp, y_tmp, clv_tmp, test_size=0.25, stratify=y_tmp, random_state=SEED)

    booster = lgb.LGBMClassifier(
        n_estimators=700, learning_rate=0.03, num_leaves=31, min_child_samples=50,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
        is_unbalance=True, random_state=SEED, verbose=-1,
    )
    booster.fit(X_train, y_train)

    calibrated = CalibratedClassifierCV(booster, method="isotonic", cv="prefit")
    calibrated.fit(X_cal, y_cal)
    threshold = pick_threshold(y_cal, calibrated.predict_proba(X_cal)[:, 1], clv_cal)

    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, random_state=SEED))
    logreg.fit(X_train, y_train)
    lr_threshold = pick_threshold(y_cal, logreg.predict_proba(X_cal)[:, 1], clv_cal)

    report = {}
    candidates = {
        "lgbm_raw": (booster, threshold),
        "lgbm_isotonic": (calibrated, threshold),
        "logreg": (logreg, lr_threshold),
    }
    for name, (model, thr) in candidates.items():
        p = model.predict_proba(X_test)[:, 1]
        report[name] = {
            "roc_auc": roc_auc_score(y_test, p),
            "brier": brier_score_loss(y_test, p),
            "log_loss": log_loss(y_test, p),
            "ece": ece(y_test, p),
            "profit_at_thr": expected_profit(y_test, p, thr, clv_test),
            "threshold": thr,
        }
    print(json.dumps(report, indent=2))
    joblib.dump({"model": calibrated, "threshold": threshold}, args.model_out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/retention_features.parquet")
    ap.add_argument("--model-out", default="models/retention_calibrated.joblib")
    main(ap.parse_args())
