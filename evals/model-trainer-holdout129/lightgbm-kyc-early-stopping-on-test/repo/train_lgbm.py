#!/usr/bin/env python
"""Business-customer (SME) AML risk model.

Usage:
    python train_lgbm.py --data data/sme_customers.csv --out models/sme_lgbm.txt
"""
import argparse
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("sme_aml")

CAT_COLS = ["industry_naics2", "legal_form", "incorporation_country", "onboarding_channel"]
NUM_COLS = [
    "years_in_business", "n_directors", "n_ubo", "ubo_pep_flag", "declared_turnover",
    "turnover_12m_actual", "turnover_ratio", "cash_share_12m", "n_intl_counterparties",
    "high_risk_country_share", "n_new_counterparties_90d", "avg_days_funds_held",
    "n_address_changes", "shared_address_count", "adverse_media_hits",
]
TARGET = "sar_or_exit"


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--out", default="models/sme_lgbm.txt")
    p.add_argument("--test-size", type=float, default=0.2)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--lr", type=float, default=0.02)
    p.add_argument("--num-leaves", type=int, default=31)
    p.add_argument("--max-rounds", type=int, default=5000)
    return p.parse_args()


def main():
    args = parse_args()
    df = pd.read_csv(args.data)
    for c in CAT_COLS:
        df[c] = df[c].fillna("NA").astype("category")
    features = CAT_COLS + NUM_COLS

    X_train, X_test, y_train, y_test = train_test_split(
        df[features], df[TARGET], test_size=args.test_size, stratify=df[TARGET], random_state=args.seed
    )
    log.info("train %d (%.2f%% pos), test %d", len(X_train), 100 * y_train.mean(), len(X_test))

    params = {
        "objective": "binary",
        "metric": "average_precision",
        "learning_rate": args.lr,
        "num_leaves": args.num_leaves,
        "min_data_in_leaf": 40,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 2.0,
        "scale_pos_weight": float((y_train == 0).sum() / (y_train == 1).sum()),
        "seed": args.seed,
        "verbose": -1,
    }
    dtrain = lgb.Dataset(X_train, y_train, categorical_feature=CAT_COLS)
    dtest = lgb.Dataset(X_test, y_test, reference=dtrain)

    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=args.max_rounds,
        valid_sets=[dtrain, dtest],
        valid_names=["train", "test"],
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(100)],
    )
    log.info("best iteration %d", booster.best_iteration)

    p_test = booster.predict(X_test, num_iteration=booster.best_iteration)
    log.info("test ROC AUC %.4f", roc_auc_score(y_test, p_test))
    log.info("test PR AUC  %.4f", average_precision_score(y_test, p_test))

    top_decile = p_test >= np.quantile(p_test, 0.9)
    log.info("capture rate in top decile %.3f", y_test[top_decile].sum() / y_test.sum())
    booster.save_model(args.out, num_iteration=booster.best_iteration)


if __name__ == "__main__":
    main()
