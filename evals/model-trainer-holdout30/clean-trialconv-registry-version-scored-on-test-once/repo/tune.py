"""Optuna search with stratified 5-fold CV on the training file only.

    python tune.py --config configs/trialconv.yaml --n-trials 60
"""
import argparse
import json
from pathlib import Path

import optuna
import pandas as pd
import yaml
from sklearn.model_selection import StratifiedKFold, cross_val_score

from trialconv.features import CATEGORICAL, NUMERIC, add_usage_ratios
from trialconv.pipeline import make_pipeline


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/trialconv.yaml")
    parser.add_argument("--n-trials", type=int, default=60)
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())
    seed = cfg["seed"]

    train = add_usage_ratios(pd.read_parquet(cfg["paths"]["train"]))
    X, y = train[NUMERIC + CATEGORICAL], train[cfg["target"]]
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)

    def objective(trial: optuna.Trial) -> float:
        params = {
            "n_estimators": trial.suggest_int("n_estimators", 100, 1200, step=50),
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
            "max_depth": trial.suggest_int("max_depth", 2, 8),
            "min_child_weight": trial.suggest_float("min_child_weight", 1.0, 20.0, log=True),
            "subsample": trial.suggest_float("subsample", 0.5, 1.0),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
            "reg_lambda": trial.suggest_float("reg_lambda", 1e-2, 20.0, log=True),
        }
        return cross_val_score(make_pipeline(params, seed), X, y, cv=cv, scoring="average_precision").mean()

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=args.n_trials)
    Path(cfg["paths"]["best_params"]).write_text(json.dumps(study.best_params, indent=2))


if __name__ == "__main__":
    main()
