"""Train the LightGBM card-not-present fraud model on velocity features.

The model is refreshed monthly and scores the next month of CNP authorisations.

Usage:
    python train_velocity_model.py --data data/cnp_authorisations_2023.parquet --out models/cnp_v7
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fraud.features import FEATURE_COLUMNS, build_features

SEED = 2023
MIN_PRECISION = 0.30


def threshold_for_precision(y_true, scores, min_precision):
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    ok = np.where(precision[:-1] >= min_precision)[0]
    if len(ok) == 0:
        return float(thresholds[-1])
    best = ok[np.argmax(recall[:-1][ok])]
    return float(thresholds[best])


def summarize(y_true, scores, threshold):
    flagged = scores >= threshold
    tp = int((flagged & (y_true == 1)).sum())
    return {
        "average_precision": float(average_precision_score(y_true, scores)),
        "roc_auc": float(roc_auc_score(y_true, scores)),
        "precision": tp / max(int(flagged.sum()), 1),
        "recall": tp / max(int((y_true == 1).sum()), 1),
        "alert_rate": float(flagged.mean()),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(args.data)
    df["event_time"] = pd.to_datetime(df["event_time"], utc=True)
    df = df.sort_values("event_time").reset_index(drop=True)
    df = build_features(df)

    X = df[FEATURE_COLUMNS]
    y = df["is_fraud"].astype(int)
    print(f"{len(df):,} authorisations from {df.event_time.min():%Y-%m-%d} to {df.event_time.max():%Y-%m-%d}")
    print(f"fraud rate: {y.mean():.4%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.15, stratify=y_train, random_state=SEED
    )

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(X_fit, y_fit)
    base_val = baseline.predict_proba(X_val)[:, 1]
    base_test = baseline.predict_proba(X_test)[:, 1]
    base_thr = threshold_for_precision(y_val, base_val, MIN_PRECISION)

    model = lgb.LGBMClassifier(
        n_estimators=3000,
        learning_rate=0.03,
        num_leaves=63,
        min_child_samples=200,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=1.0,
        random_state=SEED,
        verbose=-1,
    )
    model.fit(
        X_fit,
        y_fit,
        eval_set=[(X_val, y_val)],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(150), lgb.log_evaluation(200)],
    )

    val_scores = model.predict_proba(X_val)[:, 1]
    threshold = threshold_for_precision(y_val, val_scores, MIN_PRECISION)
    test_scores = model.predict_proba(X_test)[:, 1]

    report = {
        "threshold": threshold,
        "best_iteration": int(model.best_iteration_),
        "lightgbm_test": summarize(y_test.to_numpy(), test_scores, threshold),
        "logreg_test": summarize(y_test.to_numpy(), base_test, base_thr),
    }
    print(json.dumps(report, indent=2))

    model.booster_.save_model(str(out_dir / "model.txt"))
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
