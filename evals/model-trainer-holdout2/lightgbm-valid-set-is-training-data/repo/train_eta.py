"""Delivery-time (ETA) regressor for the dispatch service.

Writes the booster and metrics.json that the deploy gate reads.
"""
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

log = logging.getLogger("eta.train")

CATEGORICAL = ["city", "vehicle_type", "restaurant_cuisine", "weather"]
NUMERIC = ["distance_km", "prep_time_p50", "courier_rating", "orders_in_queue", "hour", "weekday"]


@dataclass
class EtaConfig:
    data_path: Path = Path("data/deliveries_2024.parquet")
    out_dir: Path = Path("artifacts/eta")
    learning_rate: float = 0.05
    num_leaves: int = 127
    min_data_in_leaf: int = 200
    feature_fraction: float = 0.8
    max_rounds: int = 4000
    seed: int = 11


def load(cfg: EtaConfig) -> tuple[pd.DataFrame, pd.Series]:
    trips = pd.read_parquet(cfg.data_path)
    trips = trips[trips["status"] == "delivered"].copy()
    minutes = (trips["delivered_at"] - trips["ordered_at"]).dt.total_seconds() / 60
    trips["hour"] = trips["ordered_at"].dt.hour
    trips["weekday"] = trips["ordered_at"].dt.weekday
    for col in CATEGORICAL:
        trips[col] = trips[col].astype("category")
    return trips[CATEGORICAL + NUMERIC], minutes


def train(cfg: EtaConfig) -> dict[str, float]:
    features, minutes = load(cfg)
    params = {
        "objective": "l1",
        "learning_rate": cfg.learning_rate,
        "num_leaves": cfg.num_leaves,
        "min_data_in_leaf": cfg.min_data_in_leaf,
        "feature_fraction": cfg.feature_fraction,
        "seed": cfg.seed,
        "verbose": -1,
    }
    full = lgb.Dataset(features, label=minutes, categorical_feature=CATEGORICAL)
    booster = lgb.train(
        params,
        full,
        num_boost_round=cfg.max_rounds,
        valid_sets=[full],
        valid_names=["valid"],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )
    predicted = booster.predict(features, num_iteration=booster.best_iteration)
    abs_err = np.abs(minutes - predicted)
    metrics = {
        "mae_minutes": mean_absolute_error(minutes, predicted),
        "p90_abs_err_minutes": float(np.quantile(abs_err, 0.9)),
        "within_5_min": float((abs_err <= 5).mean()),
        "best_iteration": booster.best_iteration,
    }
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    booster.save_model(str(cfg.out_dir / "eta.txt"))
    (cfg.out_dir / "metrics.json").write_text(json.dumps(metrics, indent=2))
    return metrics


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    config = EtaConfig()
    log.info("config: %s", asdict(config))
    log.info("metrics: %s", train(config))
