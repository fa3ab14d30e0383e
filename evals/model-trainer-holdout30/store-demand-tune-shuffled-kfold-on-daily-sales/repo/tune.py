"""Hyper-parameter search for the demand model.

    python tune.py --config configs/demand.yaml --n-trials 50
"""
import argparse
import json
from pathlib import Path

import numpy as np
import optuna
import yaml
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import KFold

from store_demand.data import load_sales
from store_demand.features import FEATURES, TARGET, build_features
from store_demand.models import make_regressor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/demand.yaml")
    parser.add_argument("--n-trials", type=int, default=50)
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())
    seed = cfg["seed"]

    frame = build_features(load_sales(cfg["paths"]["sales"]))
    dev = frame[frame["date"] < cfg["split"]["test_start"]]
    X, y = dev[FEATURES], dev[TARGET]
    folds = KFold(n_splits=5, shuffle=True, random_state=seed)

    def objective(trial: optuna.Trial) -> float:
        params = {
            "n_estimators": trial.suggest_int("n_estimators", 300, 2000, step=100),
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.15, log=True),
            "num_leaves": trial.suggest_int("num_leaves", 31, 511, log=True),
            "min_child_samples": trial.suggest_int("min_child_samples", 20, 400, log=True),
            "feature_fraction": trial.suggest_float("feature_fraction", 0.5, 1.0),
            "lambda_l2": trial.suggest_float("lambda_l2", 1e-3, 10.0, log=True),
        }
        maes = []
        for tr_idx, va_idx in folds.split(X):
            model = make_regressor(params, seed)
            model.fit(X.iloc[tr_idx], y.iloc[tr_idx])
            maes.append(mean_absolute_error(y.iloc[va_idx], model.predict(X.iloc[va_idx])))
        return float(np.mean(maes))

    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=args.n_trials)
    Path(cfg["paths"]["best_params"]).write_text(json.dumps(study.best_params, indent=2))
    print(f"best CV MAE {study.best_value:.3f}")


if __name__ == "__main__":
    main()
