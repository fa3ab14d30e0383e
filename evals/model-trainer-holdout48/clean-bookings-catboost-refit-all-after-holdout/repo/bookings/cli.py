"""Train, evaluate on the held-out test split, then (optionally) refit a production model.

    python -m bookings.cli configs/cancellation.toml
"""
from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import mlflow
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from bookings.data import load, three_way_split


def metrics(y, p, prefix: str) -> dict[str, float]:
    return {f"{prefix}_roc_auc": roc_auc_score(y, p), f"{prefix}_pr_auc": average_precision_score(y, p),
            f"{prefix}_logloss": log_loss(y, p)}


def main(cfg_path: str) -> None:
    cfg = tomllib.loads(Path(cfg_path).read_text())
    seed, cats = cfg["seed"], cfg["data"]["cat_features"]
    np.random.seed(seed)
    mlflow.set_experiment(cfg["experiment"])

    X, y = load(cfg)
    (X_tr, y_tr), (X_va, y_va), (X_te, y_te) = three_way_split(X, y, cfg)

    with mlflow.start_run():
        mlflow.log_params(cfg["catboost"])
        model = CatBoostClassifier(**cfg["catboost"], random_seed=seed, eval_metric="Logloss", verbose=500)
        model.fit(Pool(X_tr, y_tr, cat_features=cats), eval_set=Pool(X_va, y_va, cat_features=cats),
                  use_best_model=True)
        best_iter = model.get_best_iteration()
        p_test = model.predict_proba(Pool(X_te, cat_features=cats))[:, 1]

        num_cols = [c for c in X.columns if c not in cats]
        baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, random_state=seed))
        baseline.fit(X_tr[num_cols].fillna(0), y_tr)
        p_base = baseline.predict_proba(X_te[num_cols].fillna(0))[:, 1]

        mlflow.log_metrics(metrics(y_te, p_test, "test") | metrics(y_te, p_base, "baseline_test"))
        mlflow.log_metric("best_iteration", best_iter)
        model.save_model("artifacts/catboost_holdout.cbm")

        if cfg["refit_on_all_data"]:
            params = {**cfg["catboost"], "iterations": best_iter + 1}
            params.pop("od_type"), params.pop("od_wait")
            X_all = pd.concat([X_tr, X_va, X_te])
            y_all = pd.concat([y_tr, y_va, y_te])
            final = CatBoostClassifier(**params, random_seed=seed, verbose=500)
            final.fit(Pool(X_all, y_all, cat_features=cats))
            final.save_model("artifacts/catboost_production.cbm")
            mlflow.log_artifact("artifacts/catboost_production.cbm")
            mlflow.set_tag("production_model", "refit on train+valid+test with holdout iteration count")


if __name__ == "__main__":
    main(sys.argv[1])
