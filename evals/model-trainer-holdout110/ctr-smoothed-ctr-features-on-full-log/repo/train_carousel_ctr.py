"""Offline CTR model for the homepage product carousel.

Reads the served-impressions log, adds smoothed historical CTR features per product / brand /
slot / segment, trains a HistGradientBoostingClassifier on all but the last week and reports
metrics on the last week.

    python train_carousel_ctr.py --data data/carousel_impressions.parquet --test-days 7
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

CTR_KEYS = ["product_id", "brand", "slot_position", "user_segment"]
NUM_COLS = ["price", "discount_pct", "user_sessions_30d", "days_since_last_purchase", "product_age_days"]
PRIOR_WEIGHT = 50


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/carousel_impressions.parquet")
    p.add_argument("--test-days", type=int, default=7)
    p.add_argument("--out", default="artifacts/carousel_ctr")
    return p.parse_args()


def add_ctr_features(df, keys, prior_weight=PRIOR_WEIGHT):
    """Click-through rate per key, shrunk towards the global CTR (additive smoothing)."""
    global_ctr = df["clicked"].mean()
    for key in keys:
        stats = df.groupby(key)["clicked"].agg(["sum", "count"])
        smoothed = (stats["sum"] + prior_weight * global_ctr) / (stats["count"] + prior_weight)
        df[f"{key}_ctr"] = df[key].map(smoothed).astype(float)
        df[f"{key}_log_imps"] = np.log1p(df[key].map(stats["count"]).astype(float))
    return df


def main():
    args = parse_args()
    df = pd.read_parquet(args.data)
    df["served_at"] = pd.to_datetime(df["served_at"])
    df["hour"] = df["served_at"].dt.hour
    df["weekday"] = df["served_at"].dt.weekday
    print(f"{len(df):,} impressions, overall CTR {df['clicked'].mean():.4f}")

    df = add_ctr_features(df, CTR_KEYS)

    cutoff = df["served_at"].max().normalize() - pd.Timedelta(days=args.test_days)
    train = df[df["served_at"] < cutoff]
    test = df[df["served_at"] >= cutoff]
    print(f"train until {cutoff.date()}: {len(train):,} rows | test: {len(test):,} rows")

    features = (
        [f"{k}_ctr" for k in CTR_KEYS]
        + [f"{k}_log_imps" for k in CTR_KEYS]
        + NUM_COLS
        + ["hour", "weekday"]
    )
    clf = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=300,
        max_leaf_nodes=63,
        min_samples_leaf=100,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=0,
    )
    clf.fit(train[features], train["clicked"])

    p = clf.predict_proba(test[features])[:, 1]
    metrics = {
        "auc": roc_auc_score(test["clicked"], p),
        "pr_auc": average_precision_score(test["clicked"], p),
        "logloss": log_loss(test["clicked"], p),
        "logloss_const": log_loss(test["clicked"], np.full(len(test), train["clicked"].mean())),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": clf, "features": features}, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
