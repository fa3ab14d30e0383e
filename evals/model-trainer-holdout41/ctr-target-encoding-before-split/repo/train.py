"""Train the LightGBM CTR model on one week of impression logs.

Usage: python train.py --data data/impressions_week.parquet
"""
import argparse
import json
import random

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score

from ctr.features import CATEGORICAL, add_time_features, target_encode

SEED = 2024


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/impressions_week.parquet")
    p.add_argument("--test-days", type=int, default=1)
    p.add_argument("--out", default="artifacts/ctr_lgbm.txt")
    return p.parse_args()


def main():
    args = parse_args()
    random.seed(SEED)
    np.random.seed(SEED)

    df = pd.read_parquet(args.data)
    df = df.sort_values("event_ts").reset_index(drop=True)
    df = add_time_features(df)
    df = target_encode(df, CATEGORICAL, target="clicked", smoothing=50.0)

    day = pd.to_datetime(df["event_ts"], unit="s").dt.normalize()
    cutoff = day.max() - pd.Timedelta(days=args.test_days - 1)
    train_df = df[day < cutoff]
    test_df = df[day >= cutoff]

    # last 10% of the training window is used for early stopping
    n_valid = int(len(train_df) * 0.1)
    fit_df, valid_df = train_df.iloc[:-n_valid], train_df.iloc[-n_valid:]

    features = ["hour", "dow", "is_weekend", "banner_pos", "device_type"] + [f"te_{c}" for c in CATEGORICAL]
    print(f"train={len(fit_df):,} valid={len(valid_df):,} test={len(test_df):,} ctr={df['clicked'].mean():.4f}")

    model = lgb.LGBMClassifier(
        n_estimators=2000,
        learning_rate=0.05,
        num_leaves=63,
        min_child_samples=200,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=SEED,
    )
    model.fit(
        fit_df[features], fit_df["clicked"],
        eval_set=[(valid_df[features], valid_df["clicked"])],
        eval_metric="binary_logloss",
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(100)],
    )

    p_test = model.predict_proba(test_df[features])[:, 1]
    base_rate = np.full(len(test_df), fit_df["clicked"].mean())
    metrics = {
        "test_logloss": log_loss(test_df["clicked"], p_test),
        "test_auc": roc_auc_score(test_df["clicked"], p_test),
        "baseline_logloss": log_loss(test_df["clicked"], base_rate),
        "best_iteration": int(model.best_iteration_),
    }
    metrics["normalized_entropy"] = metrics["test_logloss"] / metrics["baseline_logloss"]
    print(json.dumps(metrics, indent=2))

    model.booster_.save_model(args.out)


if __name__ == "__main__":
    main()
