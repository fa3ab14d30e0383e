"""Train the store-item daily demand model.

    python -m forecast.train --config configs/forecast.yaml
"""
from __future__ import annotations

import argparse
import logging
from pathlib import Path

import lightgbm as lgb
import mlflow
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error

from forecast.data import load_sales, split_frame
from forecast.features import build_features

logger = logging.getLogger("forecast.train")


def wape(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    return float(np.abs(y_true - y_pred).sum() / np.abs(y_true).sum())


def regression_report(y_true, y_pred) -> dict[str, float]:
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "wape": wape(np.asarray(y_true), np.asarray(y_pred)),
    }


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", type=Path, default=Path("configs/forecast.yaml"))
    parser.add_argument("--model-out", type=Path, default=Path("models/demand_lgbm.txt"))
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    logging.basicConfig(level=logging.INFO)
    cfg = yaml.safe_load(args.config.read_text())
    target = cfg["data"]["target"]

    sales = load_sales(cfg)
    frame, feature_cols = build_features(sales, cfg)
    train_df, test_df = split_frame(frame, cfg)

    model = lgb.LGBMRegressor(**cfg["model"])
    mlflow.set_experiment("demand-forecast")
    with mlflow.start_run(run_name=cfg["run_name"]):
        mlflow.log_params({f"model.{k}": v for k, v in cfg["model"].items()})
        mlflow.log_params({f"split.{k}": v for k, v in cfg["split"].items()})
        model.fit(train_df[feature_cols], train_df[target])

        preds = np.clip(model.predict(test_df[feature_cols]), 0, None)
        model_metrics = regression_report(test_df[target], preds)
        naive_metrics = regression_report(test_df[target], test_df["lag_7"])
        mlflow.log_metrics({f"test_{k}": v for k, v in model_metrics.items()})
        mlflow.log_metrics({f"seasonal_naive_{k}": v for k, v in naive_metrics.items()})
        logger.info("model %s | seasonal naive %s", model_metrics, naive_metrics)

        args.model_out.parent.mkdir(parents=True, exist_ok=True)
        model.booster_.save_model(str(args.model_out))
        mlflow.log_artifact(str(args.model_out))


if __name__ == "__main__":
    main()
