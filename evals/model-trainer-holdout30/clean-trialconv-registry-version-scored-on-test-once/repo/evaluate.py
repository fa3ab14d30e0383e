"""Final, one-off evaluation of a registered model version on the untouched test file.

    python evaluate.py --config configs/trialconv.yaml --version 4
"""
import argparse
import json
from pathlib import Path

import mlflow
import pandas as pd
import yaml
from mlflow.tracking import MlflowClient
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, brier_score_loss, f1_score, precision_score,
                             recall_score, roc_auc_score)
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from trialconv.features import CATEGORICAL, NUMERIC, add_usage_ratios, build_preprocessor


def ranking_scores(y, proba) -> dict:
    return {
        "ap": average_precision_score(y, proba),
        "auroc": roc_auc_score(y, proba),
        "brier": brier_score_loss(y, proba),
    }


def summarize(y, proba, threshold) -> dict:
    pred = proba >= threshold
    return {
        **ranking_scores(y, proba),
        "precision": precision_score(y, pred, zero_division=0),
        "recall": recall_score(y, pred),
        "f1": f1_score(y, pred),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/trialconv.yaml")
    parser.add_argument("--version", required=True)
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())
    cols, target = NUMERIC + CATEGORICAL, cfg["target"]

    mlflow.set_tracking_uri(cfg["mlflow_uri"])
    name = cfg["registry_name"]
    model = mlflow.sklearn.load_model(f"models:/{name}/{args.version}")
    threshold = float(MlflowClient().get_model_version(name, args.version).tags["threshold"])

    train = add_usage_ratios(pd.read_parquet(cfg["paths"]["train"]))
    test = add_usage_ratios(pd.read_parquet(cfg["paths"]["test"]))
    prior = DummyClassifier(strategy="prior").fit(train[cols], train[target])
    logreg = Pipeline([("prep", build_preprocessor()), ("scale", StandardScaler(with_mean=False)),
                       ("lr", LogisticRegression(max_iter=3000, random_state=cfg["seed"]))]).fit(train[cols], train[target])

    y = test[target].to_numpy()
    report = {
        "model_version": args.version,
        "xgb": summarize(y, model.predict_proba(test[cols])[:, 1], threshold),
        "logreg_baseline": ranking_scores(y, logreg.predict_proba(test[cols])[:, 1]),
        "prior_baseline": ranking_scores(y, prior.predict_proba(test[cols])[:, 1]),
    }
    Path(cfg["paths"]["report"]).write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
