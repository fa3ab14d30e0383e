"""SME overdraft PD: LightGBM ranking model + Platt calibration.

Split: 60% fit / 20% calibration / 20% test (stratified).
"""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

SEED = 2718
TARGET = "default_12m"


def calibration_in_the_large(y, p):
    return float(p.mean() - y.mean())


def decile_table(y, p):
    q = pd.qcut(p, 10, labels=False, duplicates="drop")
    return pd.DataFrame({"y": y, "p": p, "q": q}).groupby("q").agg(
        n=("y", "size"), observed=("y", "mean"), predicted=("p", "mean")).round(4)


def main():
    df = pd.read_parquet("data/sme_overdrafts.parquet")
    features = [c for c in df.columns if c.startswith(("acct_", "txn_", "bureau_", "firm_"))]
    X, y = df[features], df[TARGET].to_numpy()

    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_fit, X_cal, y_fit, y_cal = train_test_split(
        X_dev, y_dev, test_size=0.25, stratify=y_dev, random_state=SEED)

    booster = lgb.LGBMClassifier(n_estimators=500, learning_rate=0.03, num_leaves=31,
                                 min_child_samples=100, colsample_bytree=0.8,
                                 random_state=SEED, verbose=-1)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    cv_auc = cross_val_score(booster, X_fit, y_fit, cv=cv, scoring="roc_auc")
    print(f"CV AUC on fit split: {cv_auc.mean():.4f} +/- {cv_auc.std():.4f}")
    booster.fit(X_fit, y_fit)

    platt = CalibratedClassifierCV(booster, method="sigmoid", cv="prefit").fit(X_cal, y_cal)
    print(f"calibration split: {len(y_cal):,} rows, {int(y_cal.sum())} defaults")

    logit = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                          LogisticRegression(max_iter=3000)).fit(X_dev, y_dev)

    preds = {"logit_baseline": logit.predict_proba(X_test)[:, 1],
             "lgbm_raw": booster.predict_proba(X_test)[:, 1],
             "lgbm_platt": platt.predict_proba(X_test)[:, 1]}
    report = {name: {"auc": round(roc_auc_score(y_test, p), 4),
                     "brier": round(brier_score_loss(y_test, p), 6),
                     "log_loss": round(log_loss(y_test, p), 5),
                     "citl": round(calibration_in_the_large(y_test, p), 5)}
              for name, p in preds.items()}
    print(json.dumps(report, indent=2))
    print(decile_table(y_test, preds["lgbm_platt"]))


if __name__ == "__main__":
    main()
