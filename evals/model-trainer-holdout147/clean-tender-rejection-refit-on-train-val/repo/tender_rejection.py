#!/usr/bin/env python
"""
Truckload tender rejection model.

Predicts whether the primary carrier on the routing guide rejects a load tender, so the TMS
can skip straight to the backup carrier / spot market on high-risk loads.

Usage: python tender_rejection.py --data data/tenders.parquet --out models/
"""
import argparse
import itertools
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

FEATURES = [
    "lead_time_h", "lane_miles", "linehaul_rate_per_mile", "spot_rate_ratio_7d", "carrier_accept_rate_28d",
    "carrier_loads_this_week", "carrier_weekly_commit", "tender_hour", "tender_dow", "pickup_dow",
    "is_multi_stop", "is_reefer", "is_hazmat", "origin_market_tightness", "dest_market_tightness",
    "weight_lb", "days_to_month_end",
]
GRID = {"max_depth": [3, 5, 7], "learning_rate": [0.03, 0.1], "min_child_weight": [1, 10]}


def make_model(seed, **hp):
    return xgb.XGBClassifier(n_estimators=500, subsample=0.85, colsample_bytree=0.8, tree_method="hist",
                             eval_metric="logloss", random_state=seed, **hp)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/tenders.parquet")
    ap.add_argument("--out", type=Path, default=Path("models"))
    ap.add_argument("--seed", type=int, default=2718)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(args.data)
    df["tendered_at"] = pd.to_datetime(df["tendered_at"])
    df = df.sort_values("tendered_at")
    df["rejected"] = (df["tender_response"] == "REJECT").astype(int)
    df["tender_hour"] = df["tendered_at"].dt.hour
    df["tender_dow"] = df["tendered_at"].dt.dayofweek
    df["carrier_loads_this_week"] = df["carrier_loads_this_week"].fillna(0)

    # Jan 2023 - Sep 2023 train, Oct - Nov val, Dec 2023 - Jan 2024 test
    train = df[df["tendered_at"] < "2023-10-01"]
    val = df[(df["tendered_at"] >= "2023-10-01") & (df["tendered_at"] < "2023-12-01")]
    test = df[df["tendered_at"] >= "2023-12-01"]

    scores = []
    for md, lr, mcw in itertools.product(*GRID.values()):
        hp = {"max_depth": md, "learning_rate": lr, "min_child_weight": mcw}
        m = make_model(args.seed, **hp).fit(train[FEATURES], train["rejected"])
        p = m.predict_proba(val[FEATURES])[:, 1]
        scores.append({**hp, "val_logloss": log_loss(val["rejected"], p), "val_pr_auc": average_precision_score(val["rejected"], p)})
        print(scores[-1])
    scores = pd.DataFrame(scores).sort_values("val_logloss")
    best_hp = scores.iloc[0][list(GRID)].to_dict()
    best_hp = {"max_depth": int(best_hp["max_depth"]), "learning_rate": float(best_hp["learning_rate"]),
               "min_child_weight": int(best_hp["min_child_weight"])}
    print("selected:", best_hp)

    # production model uses all pre-test history
    train_val = pd.concat([train, val])
    final = make_model(args.seed, **best_hp).fit(train_val[FEATURES], train_val["rejected"])

    p_test = final.predict_proba(test[FEATURES])[:, 1]
    metrics = {
        "selected_hp": best_hp,
        "test_logloss": log_loss(test["rejected"], p_test),
        "test_roc_auc": roc_auc_score(test["rejected"], p_test),
        "test_pr_auc": average_precision_score(test["rejected"], p_test),
        "test_reject_rate": float(test["rejected"].mean()),
        "mean_pred": float(np.mean(p_test)),
    }
    print(json.dumps(metrics, indent=2))
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    scores.to_csv(args.out / "val_grid.csv", index=False)
    final.save_model(args.out / "tender_rejection_xgb.json")


if __name__ == "__main__":
    main()
