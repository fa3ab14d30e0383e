#!/usr/bin/env python
"""Monthly churn scoring model (premium family/duo/individual plans).

user_month_features.parquet: one row per (user_id, snapshot_month) with trailing-window features
computed by the warehouse job as of the snapshot, and `churn_next_month` as label.

  train: snapshots up to --val-month (exclusive)
  val:   --val-month          (early stopping / number of trees)
  test:  --test-month         (reported once)
"""
import argparse
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score

FEATURES = [
    "tenure_months", "plan_family", "plan_duo", "price_local_usd", "payment_failures_90d",
    "streams_28d", "streams_28d_vs_prev", "active_days_28d", "skip_rate_28d", "offline_downloads_28d",
    "podcast_minutes_28d", "distinct_artists_28d", "playlists_created_90d", "devices_28d",
    "days_since_last_stream", "support_contacts_90d",
]


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/user_month_features.parquet")
    ap.add_argument("--val-month", default="2024-04")
    ap.add_argument("--test-month", default="2024-05")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--out", default="churn_xgb.json")
    return ap.parse_args()


def main():
    a = parse_args()
    df = pd.read_parquet(a.data)
    df["snapshot_month"] = df["snapshot_month"].astype(str)
    # heavy tails on stream counts; monotone transform, row-wise
    for c in ["streams_28d", "podcast_minutes_28d", "offline_downloads_28d"]:
        df[c] = np.log1p(df[c])

    train = df[df["snapshot_month"] < a.val_month]
    val = df[df["snapshot_month"] == a.val_month]
    test = df[df["snapshot_month"] == a.test_month]
    print({k: (len(v), round(v["churn_next_month"].mean(), 4)) for k, v in [("train", train), ("val", val), ("test", test)]})

    params = dict(
        n_estimators=4000, learning_rate=0.03, max_depth=6, min_child_weight=20,
        subsample=0.8, colsample_bytree=0.8, reg_lambda=2.0,
        scale_pos_weight=(1 - train["churn_next_month"].mean()) / train["churn_next_month"].mean(),
        eval_metric="aucpr", tree_method="hist", random_state=a.seed,
    )
    sel = xgb.XGBClassifier(**params, early_stopping_rounds=150)
    sel.fit(train[FEATURES], train["churn_next_month"],
            eval_set=[(val[FEATURES], val["churn_next_month"])], verbose=500)
    n_trees = sel.best_iteration + 1
    print(f"best iteration on {a.val_month}: {n_trees}  val PR-AUC {sel.best_score:.4f}")

    # refit on train + val with the selected number of trees, then score the test month
    trval = pd.concat([train, val])
    final = xgb.XGBClassifier(**{**params, "n_estimators": n_trees})
    final.fit(trval[FEATURES], trval["churn_next_month"])

    p = final.predict_proba(test[FEATURES])[:, 1]
    y = test["churn_next_month"]
    top_decile = y[p >= np.quantile(p, 0.9)].mean()
    res = {
        "test_month": a.test_month,
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "lift_top_decile": top_decile / y.mean(),
        "n_trees": n_trees,
    }
    print(json.dumps(res, indent=2))
    final.save_model(a.out)


if __name__ == "__main__":
    main()
