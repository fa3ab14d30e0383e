#!/usr/bin/env python
"""Household claims severity model (LightGBM, log-amount target).

usage: python train_severity.py --claims data/home_claims.parquet --test-from 2023-01-01
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, median_absolute_error

CAT_COLS = ["peril_code", "property_type", "roof_type", "postcode_area", "distribution_channel"]
NUM_COLS = ["sum_insured_buildings", "sum_insured_contents", "year_built", "bedrooms",
            "voluntary_excess", "policy_tenure_years", "report_lag_days", "prior_claims_3y"]


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--claims", required=True)
    p.add_argument("--test-from", default="2023-01-01")
    p.add_argument("--learning-rate", type=float, default=0.03)
    p.add_argument("--num-leaves", type=int, default=63)
    p.add_argument("--max-rounds", type=int, default=5000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", default="severity_lgbm.txt")
    return p.parse_args()


def load(path):
    df = pd.read_parquet(path)
    df["loss_date"] = pd.to_datetime(df["loss_date"])
    df["report_lag_days"] = (pd.to_datetime(df["report_date"]) - df["loss_date"]).dt.days
    df = df[(df["claim_status"] == "SETTLED") & (df["settled_amount"] > 0)]
    for c in CAT_COLS:
        df[c] = df[c].astype("category")
    return df.sort_values("loss_date").reset_index(drop=True)


def main():
    args = parse_args()
    df = load(args.claims)
    feats = CAT_COLS + NUM_COLS

    is_test = df["loss_date"] >= pd.Timestamp(args.test_from)
    train, test = df[~is_test], df[is_test]
    print(f"train {len(train)} ({train.loss_date.min().date()}..{train.loss_date.max().date()}), "
          f"test {len(test)}")

    dtrain = lgb.Dataset(train[feats], np.log(train["settled_amount"]), categorical_feature=CAT_COLS)
    dtest = lgb.Dataset(test[feats], np.log(test["settled_amount"]), reference=dtrain)

    params = {
        "objective": "huber",
        "alpha": 1.5,
        "learning_rate": args.learning_rate,
        "num_leaves": args.num_leaves,
        "min_data_in_leaf": 100,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 1.0,
        "seed": args.seed,
        "verbose": -1,
    }
    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=args.max_rounds,
        valid_sets=[dtrain, dtest],
        valid_names=["train", "holdout"],
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)],
    )

    pred = np.exp(booster.predict(test[feats], num_iteration=booster.best_iteration))
    actual = test["settled_amount"].values
    metrics = {
        "best_iteration": booster.best_iteration,
        "holdout_mae": mean_absolute_error(actual, pred),
        "holdout_median_ae": median_absolute_error(actual, pred),
        "holdout_pred_over_actual": pred.sum() / actual.sum(),
    }
    print(json.dumps(metrics, indent=2, default=float))
    booster.save_model(args.out, num_iteration=booster.best_iteration)


if __name__ == "__main__":
    main()
