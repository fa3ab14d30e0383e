"""Evaluate the invoice-dispute model on a held-out split, then train the production artefact.

    python -m disputes.train --config configs/dispute.yaml
"""
from __future__ import annotations

import argparse
from pathlib import Path

import mlflow
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    average_precision_score, log_loss, precision_recall_curve, precision_score, recall_score, roc_auc_score,
)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

from disputes.data import load_invoices


def threshold_at_precision(y_true, scores, min_precision: float) -> float:
    precision, _, thresholds = precision_recall_curve(y_true, scores)
    ok = np.where(precision[:-1] >= min_precision)[0]
    return float(thresholds[ok[0]]) if len(ok) else 0.5


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=Path, default=Path("configs/dispute.yaml"))
    cfg = yaml.safe_load(parser.parse_args().config.read_text())
    seed, dc = cfg["seed"], cfg["data"]

    X, y = load_invoices(dc["path"], dc["target"])
    X_dev, X_test, y_dev, y_test = train_test_split(
        X, y, test_size=dc["test_size"], stratify=y, random_state=seed
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_dev, y_dev, test_size=dc["val_size"], stratify=y_dev, random_state=seed
    )

    mlflow.set_experiment(cfg["experiment"])
    with mlflow.start_run(run_name="holdout-eval+prod-refit"):
        mlflow.log_params({**cfg["xgb"], "seed": seed})

        model = XGBClassifier(**cfg["xgb"], early_stopping_rounds=cfg["early_stopping_rounds"],
                              enable_categorical=True, random_state=seed)
        model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=250)
        best_n = model.best_iteration + 1
        threshold = threshold_at_precision(y_val, model.predict_proba(X_val)[:, 1], cfg["min_precision"])

        numeric = X_train.select_dtypes("number").columns
        baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
        baseline.fit(X_train[numeric], y_train)

        p = model.predict_proba(X_test)[:, 1]
        p_base = baseline.predict_proba(X_test[numeric])[:, 1]
        mlflow.log_metrics({
            "test_roc_auc": roc_auc_score(y_test, p),
            "test_pr_auc": average_precision_score(y_test, p),
            "test_log_loss": log_loss(y_test, p),
            "test_precision_at_thr": precision_score(y_test, p >= threshold),
            "test_recall_at_thr": recall_score(y_test, p >= threshold),
            "baseline_roc_auc": roc_auc_score(y_test, p_base),
            "baseline_pr_auc": average_precision_score(y_test, p_base),
            "best_n_estimators": best_n,
            "threshold": threshold,
        })

        # production artefact: same settings, all labelled invoices
        prod_params = {**cfg["xgb"], "n_estimators": best_n}
        production = XGBClassifier(**prod_params, enable_categorical=True, random_state=seed)
        production.fit(pd.concat([X_train, X_val, X_test]), pd.concat([y_train, y_val, y_test]))

        mlflow.xgboost.log_model(
            production,
            artifact_path="model",
            registered_model_name=cfg["registered_model"],
            metadata={"threshold": threshold, "holdout_run": "this"},
        )


if __name__ == "__main__":
    main()
