"""Train the XGBoost card-fraud scorer and log the run to Weights & Biases."""
from __future__ import annotations

import argparse

import numpy as np
import xgboost as xgb
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    average_precision_score,
    precision_recall_curve,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from fraud.config import load_config, init_tracking
from fraud.data import load_transactions, three_way_split


def threshold_for_recall(y_true, scores, target_recall: float) -> float:
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    ok = np.where(recall[:-1] >= target_recall)[0]
    return float(thresholds[ok[-1]]) if len(ok) else float(thresholds[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default=None)
    parser.add_argument("--model-out", default="artifacts/fraud_xgb.json")
    args = parser.parse_args()

    cfg = load_config(args.config)
    run = init_tracking(cfg)

    X, y = load_transactions(cfg)
    (X_train, y_train), (X_val, y_val), (X_test, y_test) = three_way_split(X, y, cfg)

    params = dict(cfg.xgb)
    model = xgb.XGBClassifier(**params, enable_categorical=True, random_state=cfg.seed)
    model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=200)

    cat_cols = ["merchant_category", "channel"]
    num_cols = [c for c in X_train.columns if c not in cat_cols]
    baseline = make_pipeline(
        make_column_transformer(
            (StandardScaler(), num_cols),
            (OneHotEncoder(handle_unknown="ignore"), cat_cols),
        ),
        LogisticRegression(max_iter=2000, class_weight="balanced"),
    ).fit(X_train, y_train)

    val_scores = model.predict_proba(X_val)[:, 1]
    threshold = threshold_for_recall(y_val, val_scores, cfg.target_recall)

    test_scores = model.predict_proba(X_test)[:, 1]
    test_pred = (test_scores >= threshold).astype(int)
    base_scores = baseline.predict_proba(X_test)[:, 1]
    metrics = {
        "test/roc_auc": roc_auc_score(y_test, test_scores),
        "test/pr_auc": average_precision_score(y_test, test_scores),
        "test/precision": precision_score(y_test, test_pred),
        "test/recall": recall_score(y_test, test_pred),
        "baseline/roc_auc": roc_auc_score(y_test, base_scores),
        "baseline/pr_auc": average_precision_score(y_test, base_scores),
        "threshold": threshold,
        "best_iteration": model.best_iteration,
    }
    run.log(metrics)
    run.summary.update(metrics)

    model.save_model(args.model_out)
    run.log_model(path=args.model_out, name="fraud-xgb")
    run.finish()


if __name__ == "__main__":
    main()
