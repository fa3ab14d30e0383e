"""Sales-hire ramp model: will a new AE reach 100% of ramped quota within 9 months?
Inputs are pre-hire (assessment, interview loop, background) plus territory attributes."""
import argparse
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score, average_precision_score, log_loss
from sklearn.model_selection import train_test_split

FEATURES = [
    "sales_assessment", "roleplay_score", "interview_avg", "interview_min",
    "prior_quota_attainment", "years_closing", "prior_industry_match", "referral",
    "territory_tam_musd", "territory_accounts", "inherited_pipeline_musd",
    "manager_tenure_months", "cohort_size", "start_quarter_q4",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/ae_hires_ramp.csv")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--eta", type=float, default=0.03)
    args = ap.parse_args()
    np.random.seed(args.seed)

    df = pd.read_csv(args.data)
    df = df[df["ramp_status"] != "in_progress"]
    df["ramped"] = (df["ramp_status"] == "ramped").astype(int)
    df["start_quarter_q4"] = (pd.to_datetime(df["start_date"]).dt.quarter == 4).astype(int)

    X, y = df[FEATURES], df["ramped"]
    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.25, stratify=y_dev, random_state=args.seed)

    dtr = xgb.DMatrix(X_tr, label=y_tr)
    dval = xgb.DMatrix(X_val, label=y_val)
    dtest = xgb.DMatrix(X_test, label=y_test)

    params = {
        "objective": "binary:logistic",
        "eval_metric": ["logloss", "auc"],
        "max_depth": args.depth,
        "eta": args.eta,
        "subsample": 0.85,
        "colsample_bytree": 0.8,
        "min_child_weight": 3,
        "lambda": 1.5,
        "seed": args.seed,
    }
    booster = xgb.train(
        params, dtr,
        num_boost_round=5000,
        evals=[(dtr, "train"), (dval, "val")],
        early_stopping_rounds=200,
        verbose_eval=200,
    )
    print(f"best_iteration={booster.best_iteration} val_auc={booster.best_score:.4f}")

    p = booster.predict(dtest, iteration_range=(0, booster.best_iteration + 1))
    out = {
        "test_auc": round(roc_auc_score(y_test, p), 4),
        "test_ap": round(average_precision_score(y_test, p), 4),
        "test_logloss": round(log_loss(y_test, p), 4),
        "test_base_rate": round(float(y_test.mean()), 4),
    }
    print(json.dumps(out, indent=2))
    booster.save_model("ramp_xgb.json")


if __name__ == "__main__":
    main()
