"""Refit on the full training file, pick the operating threshold from out-of-fold predictions,
and register the model in MLflow.

    python train.py --config configs/trialconv.yaml
"""
import argparse
import json
from pathlib import Path

import mlflow
import numpy as np
import pandas as pd
import yaml
from mlflow.tracking import MlflowClient
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from trialconv.features import CATEGORICAL, NUMERIC, add_usage_ratios
from trialconv.pipeline import make_pipeline


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/trialconv.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    seed = cfg["seed"]
    params = json.loads(Path(cfg["paths"]["best_params"]).read_text())

    train = add_usage_ratios(pd.read_parquet(cfg["paths"]["train"]))
    X, y = train[NUMERIC + CATEGORICAL], train[cfg["target"]].to_numpy()

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    oof = cross_val_predict(make_pipeline(params, seed), X, y, cv=cv, method="predict_proba")[:, 1]
    precision, recall, thresholds = precision_recall_curve(y, oof)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    threshold = float(thresholds[np.argmax(f1[:-1])])

    mlflow.set_tracking_uri(cfg["mlflow_uri"])
    mlflow.set_experiment("trial-conversion")
    with mlflow.start_run(run_name="xgb-final"):
        mlflow.log_params(params)
        mlflow.log_metrics({"oof_ap": average_precision_score(y, oof), "oof_auroc": roc_auc_score(y, oof),
                            "oof_threshold": threshold})
        model = make_pipeline(params, seed).fit(X, y)
        info = mlflow.sklearn.log_model(model, "model", registered_model_name=cfg["registry_name"])

    client = MlflowClient()
    version = client.search_model_versions(f"run_id='{info.run_id}'")[0].version
    client.set_model_version_tag(cfg["registry_name"], version, "threshold", str(threshold))
    print(f"registered {cfg['registry_name']} v{version} threshold={threshold:.3f}")


if __name__ == "__main__":
    main()
