"""Weekly retrain of the 7-day uninstall model.

Runs every Monday from the scheduler: pulls the last 8 weeks of fully-labelled install
cohorts, trains an XGBoost booster, writes model + quality metrics for the dashboard.
"""
import datetime as dt
import json
import os
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

SEED = 314
FEATURES = [
    "sessions_d0", "sessions_d1", "session_minutes_d0", "session_minutes_d1",
    "push_permission", "push_opens_d1", "tutorial_completed", "crash_count_d1",
    "storage_free_gb", "ram_gb", "is_tablet", "organic_install", "country_gdp_tier",
]
LABEL = "uninstalled_7d"
PARAMS = {
    "objective": "binary:logistic",
    "eval_metric": ["auc", "logloss"],
    "eta": 0.05,
    "max_depth": 6,
    "min_child_weight": 10,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "lambda": 2.0,
    "seed": SEED,
    "tree_method": "hist",
}
NUM_ROUNDS = 500


def load_cohorts(run_date: dt.date) -> pd.DataFrame:
    last_cohort = run_date - dt.timedelta(days=8)        # need full 7d of follow-up
    first_cohort = last_cohort - dt.timedelta(weeks=8)
    df = pd.read_parquet(os.environ.get("INSTALLS_PATH", "s3://growth-ml/installs_features/"))
    df["install_date"] = pd.to_datetime(df["install_date"]).dt.date
    return df[(df["install_date"] >= first_cohort) & (df["install_date"] <= last_cohort)]


def main(run_date: dt.date):
    np.random.seed(SEED)
    df = load_cohorts(run_date)
    print(f"{run_date}: {len(df):,} installs, uninstall rate {df[LABEL].mean():.3f}")

    dtrain = xgb.DMatrix(df[FEATURES], label=df[LABEL], feature_names=FEATURES)
    booster = xgb.train(
        PARAMS,
        dtrain,
        num_boost_round=NUM_ROUNDS,
        evals=[(dtrain, "train")],
        verbose_eval=100,
    )

    preds = booster.predict(dtrain)
    quality = {
        "run_date": str(run_date),
        "n_installs": int(len(df)),
        "auc": float(roc_auc_score(df[LABEL], preds)),
        "pr_auc": float(average_precision_score(df[LABEL], preds)),
        "brier": float(brier_score_loss(df[LABEL], preds)),
        "base_rate": float(df[LABEL].mean()),
    }
    print(json.dumps(quality, indent=2))

    out_dir = f"models/uninstall_7d/{run_date:%Y%m%d}"
    os.makedirs(out_dir, exist_ok=True)
    booster.save_model(f"{out_dir}/model.ubj")
    with open(f"{out_dir}/quality.json", "w") as f:
        json.dump(quality, f, indent=2)
    # the dashboard alerts if auc drops below 0.70
    if quality["auc"] < 0.70:
        print("WARNING: model quality below threshold", file=sys.stderr)


if __name__ == "__main__":
    run_date = dt.date.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else dt.date.today()
    main(run_date)
