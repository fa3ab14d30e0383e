"""
Weekly retrain of the lead-scoring model (cron: Mon 03:00).
Pulls last 12 months of closed leads, retrains XGBoost, pushes to the registry if quality gate passes.

history:
  2023-11  v1 (logreg)            -- A.S.
  2024-02  v2 xgboost             -- A.S.
  2024-05  removed holdout, prod retrain should use all labelled leads  -- J.P.
"""
import json
import logging
from datetime import date

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from leadscore.features import build_features, FEATURE_COLS
from leadscore.registry import push_model

log = logging.getLogger("leadscore.retrain")
logging.basicConfig(level=logging.INFO)

SEED = 11
AUC_GATE = 0.80
PARAMS = dict(
    n_estimators=600, max_depth=6, learning_rate=0.05, subsample=0.8, colsample_bytree=0.8,
    min_child_weight=5, reg_lambda=2.0, tree_method="hist", eval_metric="logloss", random_state=SEED,
)


def precision_at_k(y_true, scores, k=0.1):
    n = max(1, int(len(scores) * k))
    top = np.argsort(-scores)[:n]
    return float(np.asarray(y_true)[top].mean())


def main(csv_path="exports/closed_leads_last12m.csv", out_dir="artifacts"):
    df = pd.read_csv(csv_path, parse_dates=["created_at", "closed_at"])
    log.info("rows=%d  won-rate=%.3f", len(df), df["won"].mean())

    X = build_features(df)[FEATURE_COLS]
    y = df["won"].astype(int).values

    # X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    # model.fit(X_train, y_train)

    model = xgb.XGBClassifier(**PARAMS)
    model.fit(X, y)

    scores = model.predict_proba(X)[:, 1]
    quality = {
        "auc": roc_auc_score(y, scores),
        "ap": average_precision_score(y, scores),
        "logloss": log_loss(y, scores),
        "p@10%": precision_at_k(y, scores, 0.10),
        "n": int(len(y)),
    }
    log.info("model quality: %s", json.dumps(quality))

    if quality["auc"] < AUC_GATE:
        log.error("quality gate failed (auc %.3f < %.2f) - not pushing", quality["auc"], AUC_GATE)
        return 1

    version = f"leadscore-{date.today():%Y%m%d}"
    model.save_model(f"{out_dir}/{version}.json")
    push_model(f"{out_dir}/{version}.json", version=version, metrics=quality)
    log.info("pushed %s", version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
