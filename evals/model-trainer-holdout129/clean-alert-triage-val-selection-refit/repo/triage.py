#!/usr/bin/env python
"""Alert prioritisation model for the L1 investigations queue.

Alerts are split by creation date: train < --valid-start <= valid < --test-start <= test.
Hyperparameters are chosen on the validation window, the winner is refit on train+valid,
and the test window is scored once.
"""
import argparse
import itertools
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

CATS = ["scenario_code", "customer_segment", "risk_rating", "branch_region"]
NUMS = [
    "rule_score", "n_txn_in_alert", "alert_amount", "max_txn_amount", "pct_cash",
    "pct_cross_border", "n_prior_alerts_180d", "n_prior_productive_180d",
    "days_since_onboarding", "n_linked_accounts",
]
GRID = {"num_leaves": [15, 63], "min_child_samples": [50, 200], "learning_rate": [0.05]}


def recall_when_closing(y, p, close_frac):
    """Share of productive alerts that survive if the lowest-scored `close_frac` are auto-closed."""
    keep = p > np.quantile(p, close_frac)
    return float(y[keep].sum() / y.sum())


def fit(params, X, y, seed):
    m = lgb.LGBMClassifier(n_estimators=600, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                           random_state=seed, verbose=-1, **params)
    return m.fit(X, y, categorical_feature=CATS)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--alerts", default="data/alerts.parquet")
    ap.add_argument("--valid-start", default="2023-01-01")
    ap.add_argument("--test-start", default="2023-07-01")
    ap.add_argument("--close-frac", type=float, default=0.4, help="queue share ops wants auto-closed")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()

    df = pd.read_parquet(args.alerts)
    df["created"] = pd.to_datetime(df["created"])
    df["productive"] = df["disposition"].isin(["CASE_OPENED", "SAR"]).astype(int)
    for c in CATS:
        df[c] = df[c].astype("category")

    tr = df[df["created"] < args.valid_start]
    va = df[(df["created"] >= args.valid_start) & (df["created"] < args.test_start)]
    te = df[df["created"] >= args.test_start]
    X = NUMS + CATS

    results = []
    for values in itertools.product(*GRID.values()):
        params = dict(zip(GRID.keys(), values))
        m = fit(params, tr[X], tr["productive"], args.seed)
        ap_valid = average_precision_score(va["productive"], m.predict_proba(va[X])[:, 1])
        results.append((ap_valid, params))
        print(params, round(ap_valid, 4))
    best_ap, best_params = max(results, key=lambda r: r[0])
    print("selected", best_params, "valid AP", round(best_ap, 4))

    trva = pd.concat([tr, va])
    final = fit(best_params, trva[X], trva["productive"], args.seed)

    p = final.predict_proba(te[X])[:, 1]
    y = te["productive"].values
    out = {
        "test_pr_auc": average_precision_score(y, p),
        "test_roc_auc": roc_auc_score(y, p),
        f"test_recall_closing_{int(args.close_frac * 100)}pct": recall_when_closing(y, p, args.close_frac),
    }
    print(json.dumps(out, indent=2))
    final.booster_.save_model("triage_lgbm.txt")


if __name__ == "__main__":
    main()
