#!/usr/bin/env python
"""
Churn model v3 -- telco customers, monthly snapshot from the analytics sqlite dump.

    python train_churn.py --db data/warehouse.sqlite --out models/churn_v3

(v2 lives in notebooks/churn_v2.ipynb -- deprecated, don't use)
"""
import argparse
import json
import logging
import os

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from common.db import read_query

log = logging.getLogger("churn")
SEED = 1337

NUM_COLS = ["tenure_months", "monthly_charges", "total_charges", "n_support_calls", "avg_session_min"]
FLAG_COLS = ["is_paperless", "has_partner", "has_dependents", "senior_citizen", "contract_months"]
TARGET = "churned"

QUERY = """
    SELECT c.customer_id, c.tenure_months, c.monthly_charges, c.total_charges,
           c.is_paperless, c.has_partner, c.has_dependents, c.senior_citizen,
           c.contract_months, s.n_support_calls, u.avg_session_min, c.churned
    FROM customers c
    LEFT JOIN support_agg s ON s.customer_id = c.customer_id
    LEFT JOIN usage_agg u   ON u.customer_id = c.customer_id
    WHERE c.snapshot = :snap
"""


def prepare_features(df, num_cols, flag_cols, target=TARGET, fill_strategy="median",
                     scale=True, drop_ids=True, log_cols=None, clip_negative=True, verbose=False):
    """Cleans + imputes + scales. Returns X (DataFrame), y and the fitted transformers (for serving)."""
    df = df.copy()
    if drop_ids:
        df = df.drop(columns=["customer_id"], errors="ignore")
    # total_charges arrives as TEXT for ~0.3% of rows (blank strings)
    df["total_charges"] = pd.to_numeric(df["total_charges"], errors="coerce")
    if clip_negative:
        df[num_cols] = df[num_cols].clip(lower=0)
    for c in (log_cols or []):
        df[c] = np.log1p(df[c])

    imputer = SimpleImputer(strategy=fill_strategy)
    df[num_cols] = imputer.fit_transform(df[num_cols])
    scaler = None
    if scale:
        scaler = StandardScaler()
        df[num_cols] = scaler.fit_transform(df[num_cols])

    df[flag_cols] = df[flag_cols].fillna(0).astype(float)
    X = df[num_cols + flag_cols]
    y = df[target].astype(int).to_numpy()
    if verbose:
        log.info("X %s | positive rate %.3f", X.shape, y.mean())
    return X, y, {"imputer": imputer, "scaler": scaler}


# def prepare_features_v2(df, ...):
#     # TODO: tenure buckets + contract interaction (DS-412)
#     pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="data/warehouse.sqlite")
    ap.add_argument("--snapshot", default="2024-06")
    ap.add_argument("--out", default="models/churn_v3")
    ap.add_argument("--no-scale", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    np.random.seed(SEED)

    raw = read_query(args.db, QUERY, params={"snap": args.snapshot})
    log.info("loaded %d customers for snapshot %s", len(raw), args.snapshot)

    X, y, fitted = prepare_features(raw, NUM_COLS, FLAG_COLS, fill_strategy="median",
                                    scale=not args.no_scale, log_cols=["total_charges"], verbose=True)

    # 60 / 20 / 20
    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_tr, X_val, y_tr, y_val = train_test_split(X_tmp, y_tmp, test_size=0.25, stratify=y_tmp,
                                                random_state=SEED)

    candidates = {
        "dummy": DummyClassifier(strategy="prior"),
        "logreg": LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced"),
        "rf": RandomForestClassifier(n_estimators=400, min_samples_leaf=5, n_jobs=-1, random_state=SEED),
        "hgb": HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300, max_leaf_nodes=31,
                                              random_state=SEED),
    }
    val_scores = {}
    for name, clf in candidates.items():
        clf.fit(X_tr, y_tr)
        p = clf.predict_proba(X_val)[:, 1]
        val_scores[name] = {"auc": roc_auc_score(y_val, p), "ap": average_precision_score(y_val, p)}
        log.info("%-7s val auc=%.4f ap=%.4f", name, val_scores[name]["auc"], val_scores[name]["ap"])

    best = max((k for k in val_scores if k != "dummy"), key=lambda k: val_scores[k]["ap"])
    log.info("best on validation: %s", best)

    # refit on train+val, then score ONCE on test
    final = candidates[best]
    final.fit(pd.concat([X_tr, X_val]), np.concatenate([y_tr, y_val]))
    p_test = final.predict_proba(X_test)[:, 1]
    test_metrics = {
        "auc": roc_auc_score(y_test, p_test),
        "ap": average_precision_score(y_test, p_test),
        "brier": brier_score_loss(y_test, p_test),
        "prevalence": float(y_test.mean()),
    }
    log.info("TEST %s", test_metrics)

    os.makedirs(args.out, exist_ok=True)
    joblib.dump({"model": final, **fitted, "features": NUM_COLS + FLAG_COLS}, os.path.join(args.out, "model.joblib"))
    with open(os.path.join(args.out, "metrics.json"), "w") as f:
        json.dump({"model": best, "val": val_scores, "test": test_metrics}, f, indent=2)


if __name__ == "__main__":
    main()
