"""Time-ordered CV over whole days (no shuffling), dev period only.

    python tune.py --config configs/bikes.yaml --n-trials 40
"""
import argparse
import json
from pathlib import Path

import numpy as np
import optuna
import yaml
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit

from bikeshare.data import load_daily
from bikeshare.features import FEATURES, TARGET, add_features
from bikeshare.models import make_regressor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/bikes.yaml")
    parser.add_argument("--n-trials", type=int, default=40)
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())
    seed = cfg["seed"]

    frame = add_features(load_daily(cfg["paths"]["rentals"], cfg["paths"]["weather"]))
    dev = frame[frame["date"] < cfg["test_start"]]
    days = np.sort(dev["date"].unique())
    tscv = TimeSeriesSplit(n_splits=4, gap=7)

    def objective(trial: optuna.Trial) -> float:
        params = {
            "n_estimators": trial.suggest_int("n_estimators", 200, 1500, step=100),
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
            "max_depth": trial.suggest_int("max_depth", 3, 10),
            "min_child_weight": trial.suggest_float("min_child_weight", 1.0, 50.0, log=True),
            "subsample": trial.suggest_float("subsample", 0.6, 1.0),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.5, 1.0),
        }
        maes = []
        for fit_idx, val_idx in tscv.split(days):
            fit_rows = dev["date"].isin(days[fit_idx])
            val_rows = dev["date"].isin(days[val_idx])
            model = make_regressor(params, seed).fit(dev.loc[fit_rows, FEATURES], dev.loc[fit_rows, TARGET])
            maes.append(mean_absolute_error(dev.loc[val_rows, TARGET], model.predict(dev.loc[val_rows, FEATURES])))
        return float(np.mean(maes))

    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=args.n_trials)
    Path(cfg["paths"]["best_params"]).write_text(json.dumps(study.best_params, indent=2))


if __name__ == "__main__":
    main()
