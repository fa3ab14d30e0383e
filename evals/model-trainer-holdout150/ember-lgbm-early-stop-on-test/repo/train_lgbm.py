#!/usr/bin/env python
"""Train the EMBER 2018 LightGBM benchmark model on the vectorized features.

Usage:
    python train_lgbm.py --data-dir /data/ember2018 --out models/ember_lgbm.txt
"""
import argparse
import json
import os

import lightgbm as lgb
import numpy as np
from sklearn.metrics import roc_auc_score, roc_curve

NDIM = 2381


def read_split(data_dir, subset):
    y = np.memmap(os.path.join(data_dir, f"y_{subset}.dat"), dtype=np.float32, mode="r")
    X = np.memmap(os.path.join(data_dir, f"X_{subset}.dat"), dtype=np.float32, mode="r",
                  shape=(y.shape[0], NDIM))
    labeled = y != -1
    return np.asarray(X[labeled]), np.asarray(y[labeled])


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", required=True)
    p.add_argument("--out", default="models/ember_lgbm.txt")
    p.add_argument("--num-boost-round", type=int, default=5000)
    p.add_argument("--learning-rate", type=float, default=0.05)
    p.add_argument("--num-leaves", type=int, default=2048)
    p.add_argument("--early-stopping", type=int, default=100)
    p.add_argument("--seed", type=int, default=2018)
    return p.parse_args()


def main():
    args = parse_args()
    X_train, y_train = read_split(args.data_dir, "train")
    X_test, y_test = read_split(args.data_dir, "test")
    print(f"train={X_train.shape} test={X_test.shape}")

    params = {
        "objective": "binary",
        "boosting": "gbdt",
        "learning_rate": args.learning_rate,
        "num_leaves": args.num_leaves,
        "max_depth": 15,
        "min_data_in_leaf": 50,
        "feature_fraction": 0.5,
        "bagging_fraction": 0.5,
        "bagging_freq": 1,
        "metric": "auc",
        "seed": args.seed,
        "verbose": -1,
    }

    dtrain = lgb.Dataset(X_train, y_train)
    dtest = lgb.Dataset(X_test, y_test, reference=dtrain)

    booster = lgb.train(
        params,
        dtrain,
        num_boost_round=args.num_boost_round,
        valid_sets=[dtrain, dtest],
        valid_names=["train", "test"],
        callbacks=[lgb.early_stopping(args.early_stopping), lgb.log_evaluation(100)],
    )

    scores = booster.predict(X_test, num_iteration=booster.best_iteration)
    auc = roc_auc_score(y_test, scores)
    fpr, tpr, thr = roc_curve(y_test, scores)
    dr_1pct = float(np.interp(0.01, fpr, tpr))
    dr_01pct = float(np.interp(0.001, fpr, tpr))
    print(f"best_iter={booster.best_iteration} test AUC={auc:.5f} "
          f"DR@1%FPR={dr_1pct:.4f} DR@0.1%FPR={dr_01pct:.4f}")

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    booster.save_model(args.out, num_iteration=booster.best_iteration)
    with open(args.out + ".metrics.json", "w") as f:
        json.dump({"auc": auc, "dr_1pct_fpr": dr_1pct, "dr_0.1pct_fpr": dr_01pct,
                   "best_iteration": booster.best_iteration}, f, indent=2)


if __name__ == "__main__":
    main()
