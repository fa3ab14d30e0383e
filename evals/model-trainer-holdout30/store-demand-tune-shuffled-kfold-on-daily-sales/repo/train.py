"""Fit the demand model on history before the test window and score the test window.

    python train.py --config configs/demand.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import mlflow
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error

from store_demand.data import load_sales
from store_demand.features import FEATURES, TARGET, build_features
from store_demand.models import make_regressor


def scores(y, p) -> dict:
    return {
        "mae": mean_absolute_error(y, p),
        "rmse": float(np.sqrt(mean_squared_error(y, p))),
        "wape": float(np.abs(y - p).sum() / np.abs(y).sum()),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/demand.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())

    frame = build_features(load_sales(cfg["paths"]["sales"]))
    cutoff = cfg["split"]["test_start"]
    train, test = frame[frame["date"] < cutoff], frame[frame["date"] >= cutoff]
    params = json.loads(Path(cfg["paths"]["best_params"]).read_text())

    mlflow.set_experiment("store-demand")
    with mlflow.start_run(run_name="lgbm-tweedie"):
        model = make_regressor(params, cfg["seed"]).fit(train[FEATURES], train[TARGET])
        pred = np.clip(model.predict(test[FEATURES]), 0, None)
        report = {
            "lgbm": scores(test[TARGET].to_numpy(), pred),
            "seasonal_naive_lag7": scores(test[TARGET].to_numpy(), test["lag_7"].to_numpy()),
        }
        mlflow.log_params(params)
        mlflow.log_dict(report, "test_report.json")
        joblib.dump(model, cfg["paths"]["model"])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
