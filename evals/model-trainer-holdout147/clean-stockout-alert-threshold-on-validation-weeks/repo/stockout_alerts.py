#!/usr/bin/env python
"""
Store stock-out alerts (next 7 days), weekly snapshots per store x SKU.

Buyers asked for alerts that are right at least 60% of the time, so the operating threshold is
the lowest score reaching that precision on the validation weeks.

    python stockout_alerts.py --data data/store_sku_weekly.parquet --val-weeks 8 --test-weeks 8
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score

FEATURES = [
    "on_hand", "on_order", "in_transit", "pres_min", "sales_wk_1", "sales_wk_2", "sales_wk_4_mean",
    "sales_wk_12_std", "fcst_wk_1", "fcst_wk_2", "dc_on_hand_weeks", "vendor_fill_rate_13w",
    "promo_next_wk", "planogram_change_next_wk", "store_cluster",
]


def pick_threshold(y_true, score, min_precision):
    prec, rec, thr = precision_recall_curve(y_true, score)
    ok = np.where(prec[:-1] >= min_precision)[0]
    if len(ok) == 0:
        return float(thr[np.argmax(prec[:-1])])
    return float(thr[ok[0]])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/store_sku_weekly.parquet")
    ap.add_argument("--val-weeks", type=int, default=8)
    ap.add_argument("--test-weeks", type=int, default=8)
    ap.add_argument("--min-precision", type=float, default=0.6)
    ap.add_argument("--seed", type=int, default=55)
    args = ap.parse_args()

    df = pd.read_parquet(args.data)
    df["snapshot_week"] = pd.to_datetime(df["snapshot_week"])
    weeks = np.sort(df["snapshot_week"].unique())
    val_from = weeks[-(args.val_weeks + args.test_weeks)]
    test_from = weeks[-args.test_weeks]

    train = df[df["snapshot_week"] < val_from]
    val = df[(df["snapshot_week"] >= val_from) & (df["snapshot_week"] < test_from)]
    test = df[df["snapshot_week"] >= test_from]

    model = lgb.LGBMClassifier(n_estimators=2000, learning_rate=0.03, num_leaves=63, min_child_samples=200,
                               colsample_bytree=0.8, subsample=0.8, subsample_freq=1,
                               random_state=args.seed, verbose=-1)
    model.fit(train[FEATURES], train["stockout_7d"],
              eval_set=[(val[FEATURES], val["stockout_7d"])], eval_metric="average_precision",
              callbacks=[lgb.early_stopping(100, verbose=False)])

    val_score = model.predict_proba(val[FEATURES])[:, 1]
    threshold = pick_threshold(val["stockout_7d"], val_score, args.min_precision)
    print(f"best_iter={model.best_iteration_}  threshold={threshold:.3f}  "
          f"val PR AUC={average_precision_score(val['stockout_7d'], val_score):.3f}")

    test_score = model.predict_proba(test[FEATURES])[:, 1]
    alerts = test_score >= threshold
    summary = {
        "threshold": threshold,
        "test_pr_auc": average_precision_score(test["stockout_7d"], test_score),
        "test_precision": precision_score(test["stockout_7d"], alerts),
        "test_recall": recall_score(test["stockout_7d"], alerts),
        "alerts_per_store_week": float(alerts.sum() / test.groupby(["store_id", "snapshot_week"]).ngroups),
    }
    print(json.dumps(summary, indent=2))
    model.booster_.save_model("stockout_alerts.txt")
    with open("stockout_alerts_summary.json", "w") as f:
        json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
