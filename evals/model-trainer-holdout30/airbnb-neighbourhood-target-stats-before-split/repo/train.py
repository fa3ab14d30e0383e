"""Train and compare nightly-price models.

    python train.py --config configs/train.json
"""
import argparse
import json
from pathlib import Path

import joblib
import mlflow
import numpy as np
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

from airbnb_price.data import load_listings
from airbnb_price.features import CATEGORICAL, NUMERIC, add_listing_features, add_location_price_stats
from airbnb_price.models import make_model

FEATURES = NUMERIC + CATEGORICAL
TARGET = "log_price"


def regression_metrics(y_log, pred_log) -> dict:
    y, p = np.expm1(y_log), np.expm1(pred_log)
    return {
        "rmse_log": float(np.sqrt(mean_squared_error(y_log, pred_log))),
        "mae_usd": float(mean_absolute_error(y, p)),
        "median_ape": float(np.median(np.abs(p - y) / y)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/train.json")
    cfg = json.loads(Path(parser.parse_args().config).read_text())
    seed = cfg["seed"]

    raw = load_listings(cfg["data_path"])
    frame = add_listing_features(raw)
    frame = add_location_price_stats(frame, target=TARGET, min_count=cfg["nbhd_min_count"])
    train_df, rest_df = train_test_split(frame, test_size=0.3, random_state=seed)
    valid_df, test_df = train_test_split(rest_df, test_size=0.5, random_state=seed)

    mlflow.set_experiment("airbnb-price")
    results = {}
    dummy = DummyRegressor(strategy="median").fit(train_df[FEATURES], train_df[TARGET])
    results["median_baseline"] = regression_metrics(valid_df[TARGET], dummy.predict(valid_df[FEATURES]))
    fitted = {}
    for name, params in cfg["models"].items():
        with mlflow.start_run(run_name=name):
            model = make_model(name, params, seed).fit(train_df[FEATURES], train_df[TARGET])
            results[name] = regression_metrics(valid_df[TARGET], model.predict(valid_df[FEATURES]))
            mlflow.log_params(params)
            mlflow.log_metrics({f"valid_{k}": v for k, v in results[name].items()})
            fitted[name] = model

    best_name = min(cfg["models"], key=lambda n: results[n]["rmse_log"])
    best = fitted[best_name]
    results["test"] = {"model": best_name, **regression_metrics(test_df[TARGET], best.predict(test_df[FEATURES]))}
    Path(cfg["out_dir"]).mkdir(parents=True, exist_ok=True)
    joblib.dump(best, Path(cfg["out_dir"]) / "price_model.joblib")
    Path(cfg["out_dir"], "metrics.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
