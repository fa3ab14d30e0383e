"""Tune and validate the daily demand model.

    python run_cv.py --sales data/sales_daily.parquet --trials 40
"""
import argparse
import json
import logging

import optuna
import pandas as pd

from demand.cv import cross_validate
from demand.features import build

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
SEED = 11
NON_FEATURES = {"date", "units"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sales", default="data/sales_daily.parquet")
    ap.add_argument("--trials", type=int, default=40)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    frame = build(pd.read_parquet(args.sales))
    features = [c for c in frame.columns if c not in NON_FEATURES]
    logging.info("%d rows from %s to %s", len(frame), frame["date"].min().date(), frame["date"].max().date())

    def objective(trial: optuna.Trial) -> float:
        params = {
            "objective": "tweedie",
            "tweedie_variance_power": trial.suggest_float("tweedie_variance_power", 1.1, 1.6),
            "learning_rate": trial.suggest_float("learning_rate", 0.02, 0.1, log=True),
            "num_leaves": trial.suggest_int("num_leaves", 31, 255, log=True),
            "min_child_samples": trial.suggest_int("min_child_samples", 20, 200),
            "feature_fraction": trial.suggest_float("feature_fraction", 0.5, 0.9),
            "n_estimators": 2000,
        }
        return cross_validate(frame, features, params, args.folds, SEED)["mae"]

    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=SEED))
    study.optimize(objective, n_trials=args.trials)
    best = {**study.best_params, "objective": "tweedie", "n_estimators": 2000}
    final = cross_validate(frame, features, best, args.folds, SEED)
    print(json.dumps({"best_params": best, "cv": final}, indent=2))


if __name__ == "__main__":
    main()
