"""Fit on all days before the test window, then score the test window once.

    python train.py --config configs/bikes.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import mlflow
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error

from bikeshare.data import load_daily
from bikeshare.features import FEATURES, TARGET, add_features
from bikeshare.models import make_regressor


def scores(y, p) -> dict:
    y, p = np.asarray(y, float), np.asarray(p, float)
    return {"mae": mean_absolute_error(y, p), "rmse": float(np.sqrt(mean_squared_error(y, p))),
            "wape": float(np.abs(y - p).sum() / y.sum())}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/bikes.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())

    frame = add_features(load_daily(cfg["paths"]["rentals"], cfg["paths"]["weather"]))
    dev = frame[frame["date"] < cfg["test_start"]]
    test = frame[frame["date"] >= cfg["test_start"]]
    params = json.loads(Path(cfg["paths"]["best_params"]).read_text())

    station_mean = dev.groupby("station_id")[TARGET].mean()

    with mlflow.start_run(run_name="xgb-poisson"):
        model = make_regressor(params, cfg["seed"]).fit(dev[FEATURES], dev[TARGET])
        report = {
            "xgb": scores(test[TARGET], model.predict(test[FEATURES])),
            "seasonal_naive_lag7": scores(test[TARGET], test["lag_7"]),
            "station_mean": scores(test[TARGET], test["station_id"].map(station_mean).fillna(dev[TARGET].mean())),
        }
        mlflow.log_params(params)
        mlflow.log_dict(report, "test_report.json")
        joblib.dump(model, cfg["paths"]["model"])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
