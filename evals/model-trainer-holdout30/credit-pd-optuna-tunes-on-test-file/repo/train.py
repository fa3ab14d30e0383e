"""Fit the PD pipeline with the tuned parameters and save it.

    python train.py --config configs/pd.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import mlflow
import yaml

from credit_pd.data import load_split
from credit_pd.pipeline import build_pipeline


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/pd.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    params = json.loads(Path(cfg["paths"]["best_params"]).read_text())
    x_tr, y_tr = load_split(cfg["paths"]["train"])

    mlflow.set_experiment("credit-pd")
    with mlflow.start_run(run_name="pd-lgbm-final"):
        mlflow.log_params(params)
        pipe = build_pipeline(params, seed=cfg["seed"])
        pipe.fit(x_tr, y_tr)
        Path(cfg["paths"]["model"]).parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(pipe, cfg["paths"]["model"])
        mlflow.sklearn.log_model(pipe, "model", registered_model_name="credit-pd-lgbm")


if __name__ == "__main__":
    main()
