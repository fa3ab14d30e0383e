#!/usr/bin/env python
"""Day-1 uninstall model.

One row per install. Features come from the first 24h after install, the label is
`uninstalled_d7` (app removed within 7 days of install). Training cohorts are older
installs, evaluation is the most recent install cohorts.
"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("d1_uninstall")

CAT_COLS = ["platform", "os_version", "device_model", "country", "acquisition_channel", "campaign_id"]
NUM_COLS = [
    "sessions_d0",
    "session_seconds_d0",
    "screens_viewed_d0",
    "onboarding_steps_completed",
    "push_permission_granted",
    "push_received_d0",
    "push_opened_d0",
    "crashes_d0",
    "anr_events_d0",
    "app_size_mb",
    "install_hour_local",
]
LABEL = "uninstalled_d7"


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--installs", default="data/installs_d1_features.parquet")
    p.add_argument("--test-start", default="2024-04-15", help="first install date of the evaluation cohorts")
    p.add_argument("--iterations", type=int, default=3000)
    p.add_argument("--lr", type=float, default=0.03)
    p.add_argument("--depth", type=int, default=6)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--out", default="models/d1_uninstall.cbm")
    return p.parse_args()


def main():
    args = parse_args()
    np.random.seed(args.seed)

    df = pd.read_parquet(args.installs)
    df["install_date"] = pd.to_datetime(df["install_ts"]).dt.normalize()
    for c in CAT_COLS:
        df[c] = df[c].fillna("unknown").astype(str)

    # the last cohorts need 7 days of follow-up before the label is final
    cutoff = df["install_date"].max() - pd.Timedelta(days=7)
    df = df[df["install_date"] <= cutoff]

    train = df[df["install_date"] < args.test_start]
    test = df[df["install_date"] >= args.test_start]
    log.info("train %d installs (%.2f%% uninstall), test %d installs (%.2f%% uninstall)",
             len(train), 100 * train[LABEL].mean(), len(test), 100 * test[LABEL].mean())

    train_pool = Pool(train[CAT_COLS + NUM_COLS], train[LABEL], cat_features=CAT_COLS)
    test_pool = Pool(test[CAT_COLS + NUM_COLS], test[LABEL], cat_features=CAT_COLS)

    model = CatBoostClassifier(
        iterations=args.iterations,
        learning_rate=args.lr,
        depth=args.depth,
        loss_function="Logloss",
        eval_metric="AUC",
        random_seed=args.seed,
        od_type="Iter",
        od_wait=150,
        verbose=250,
    )
    model.fit(train_pool, eval_set=test_pool, use_best_model=True)
    log.info("best iteration %d", model.get_best_iteration())

    proba = model.predict_proba(test_pool)[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(test[LABEL], proba),
        "pr_auc": average_precision_score(test[LABEL], proba),
        "brier": brier_score_loss(test[LABEL], proba),
        "best_iteration": model.get_best_iteration(),
    }
    log.info("holdout metrics: %s", json.dumps(metrics))

    imp = model.get_feature_importance(prettified=True)
    log.info("top features:\n%s", imp.head(10).to_string(index=False))
    model.save_model(args.out)


if __name__ == "__main__":
    main()
