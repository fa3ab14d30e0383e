"""Nightly challenger training for the shift-cancellation model.

The challenger is trained on the `train_days` before the holdout window and compared
with the current champion on the most recent `holdout_days`; it is promoted only if
it beats the champion's PR-AUC by `min_improvement`.
"""
from __future__ import annotations

import argparse
import logging
import os
from datetime import date, timedelta

import lightgbm as lgb
import mlflow
import pandas as pd
import yaml
from mlflow import MlflowClient
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

log = logging.getLogger("shiftml.retrain")


def load_window(cfg: dict, start: date, end: date) -> pd.DataFrame:
    df = pd.read_parquet(cfg["data_glob"].rsplit("/dt=", 1)[0], filters=[("dt", ">=", str(start)), ("dt", "<", str(end))])
    df["shift_start"] = pd.to_datetime(df["shift_start"])
    return df.sort_values("shift_start")


def build_pipeline(cfg: dict) -> Pipeline:
    pre = ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=30), cfg["categorical"])],
        remainder="passthrough",
    )
    return Pipeline([("pre", pre), ("clf", lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1))])


def evaluate(model, X, y) -> dict[str, float]:
    p = model.predict_proba(X)[:, 1]
    return {"pr_auc": average_precision_score(y, p), "roc_auc": roc_auc_score(y, p), "log_loss": log_loss(y, p)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--run-date", type=date.fromisoformat, required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    cfg = yaml.safe_load(open(args.config))
    mlflow.set_tracking_uri(os.environ["MLFLOW_TRACKING_URI"])

    holdout_start = args.run_date - timedelta(days=cfg["holdout_days"])
    train_start = holdout_start - timedelta(days=cfg["train_days"])
    train_df = load_window(cfg, train_start, holdout_start)
    holdout_df = load_window(cfg, holdout_start, args.run_date)
    cols, target = cfg["categorical"] + cfg["numeric"], cfg["target"]
    log.info("train %s..%s (%d rows), holdout %s..%s (%d rows)",
             train_start, holdout_start, len(train_df), holdout_start, args.run_date, len(holdout_df))

    challenger = build_pipeline(cfg).fit(train_df[cols], train_df[target])
    prior = DummyClassifier(strategy="prior").fit(train_df[cols], train_df[target])

    X_hold, y_hold = holdout_df[cols], holdout_df[target]
    results = {"challenger": evaluate(challenger, X_hold, y_hold), "prior": evaluate(prior, X_hold, y_hold)}
    client = MlflowClient()
    try:
        champion = mlflow.sklearn.load_model(f"models:/{cfg['model_name']}@champion")
        results["champion"] = evaluate(champion, X_hold, y_hold)
    except mlflow.exceptions.MlflowException:
        log.warning("no champion alias found; challenger will be promoted if it beats the prior")

    mlflow.set_experiment(f"{cfg['model_name']}-nightly")
    with mlflow.start_run(run_name=f"nightly-{args.run_date}"):
        mlflow.log_params({"run_date": str(args.run_date), "train_start": str(train_start), **cfg["lgbm"]})
        for name, res in results.items():
            mlflow.log_metrics({f"{name}_{k}": float(v) for k, v in res.items()})
        reference = results.get("champion", results["prior"])["pr_auc"]
        info = mlflow.sklearn.log_model(challenger, "model", registered_model_name=cfg["model_name"])
        if results["challenger"]["pr_auc"] >= reference + cfg["min_improvement"]:
            client.set_registered_model_alias(cfg["model_name"], "champion", info.registered_model_version)
            log.info("promoted challenger v%s", info.registered_model_version)
        else:
            log.info("kept champion (challenger %.4f vs %.4f)", results["challenger"]["pr_auc"], reference)


if __name__ == "__main__":
    main()
