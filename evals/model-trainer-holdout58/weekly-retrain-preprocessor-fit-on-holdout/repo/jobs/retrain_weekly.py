"""Weekly retraining job for the order-returns model.

Trains a challenger on the trailing window, compares it with the registered
champion on the most recent weeks and promotes it if it wins by the margin.
"""
from __future__ import annotations

import argparse
import logging
from datetime import date

import mlflow
import pandas as pd
import yaml
from mlflow.tracking import MlflowClient
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline

from returns.data import load_window, time_split
from returns.features import build_preprocessor

log = logging.getLogger("retrain_weekly")


def score(model, X: pd.DataFrame, y: pd.Series) -> dict[str, float]:
    p = model.predict_proba(X)[:, 1]
    return {"roc_auc": float(roc_auc_score(y, p)), "pr_auc": float(average_precision_score(y, p))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/retrain.yaml")
    parser.add_argument("--run-date", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    cfg = yaml.safe_load(open(args.config))

    df = load_window(args.run_date, cfg["lookback_weeks"])
    train_df, holdout_df = time_split(df, cfg["holdout_weeks"])
    features = cfg["numeric"] + cfg["categorical"]
    target = cfg["target"]
    log.info("train %d rows, holdout %d rows", len(train_df), len(holdout_df))

    # include the recent weeks so newly listed brands/categories get their own columns
    preprocessor = build_preprocessor(cfg)
    preprocessor.fit(pd.concat([train_df[features], holdout_df[features]]))

    challenger = Pipeline([
        ("pre", preprocessor),
        ("clf", LogisticRegression(**cfg["model"], random_state=cfg["seed"])),
    ])
    challenger.named_steps["clf"].fit(preprocessor.transform(train_df[features]), train_df[target])

    X_hold, y_hold = holdout_df[features], holdout_df[target]
    dummy = DummyClassifier(strategy="prior").fit(train_df[features], train_df[target])
    results = {"challenger": score(challenger, X_hold, y_hold), "prior": score(dummy, X_hold, y_hold)}

    client = MlflowClient()
    champion_uri = f"models:/{cfg['model_name']}@champion"
    try:
        champion = mlflow.sklearn.load_model(champion_uri)
        results["champion"] = score(champion, X_hold, y_hold)
    except mlflow.exceptions.MlflowException:
        log.warning("no champion registered yet")

    mlflow.set_experiment(f"{cfg['model_name']}-retrain")
    with mlflow.start_run(run_name=f"weekly-{args.run_date.isoformat()}"):
        mlflow.log_params({"run_date": args.run_date.isoformat(), **cfg["model"], "seed": cfg["seed"]})
        for name, res in results.items():
            mlflow.log_metrics({f"{name}_{k}": v for k, v in res.items()})
        info = mlflow.sklearn.log_model(challenger, "model", registered_model_name=cfg["model_name"])

        champ_pr = results.get("champion", {}).get("pr_auc", -1.0)
        if results["challenger"]["pr_auc"] > champ_pr + cfg["promotion_margin"]:
            version = client.get_latest_versions(cfg["model_name"], stages=["None"])[0].version
            client.set_registered_model_alias(cfg["model_name"], "champion", version)
            log.info("promoted version %s (%s)", version, info.model_uri)
        else:
            log.info("champion kept: challenger %.4f vs champion %.4f", results["challenger"]["pr_auc"], champ_pr)


if __name__ == "__main__":
    main()
