import logging

import numpy as np
import optuna
import xgboost as xgb
from sklearn.metrics import mean_absolute_error

log = logging.getLogger(__name__)


def make_objective(dtrain, dholdout, y_holdout, seed):
    def objective(trial):
        params = {
            "objective": "reg:squarederror",
            "eta": trial.suggest_float("eta", 0.01, 0.3, log=True),
            "max_depth": trial.suggest_int("max_depth", 2, 9),
            "min_child_weight": trial.suggest_float("min_child_weight", 1, 20, log=True),
            "subsample": trial.suggest_float("subsample", 0.5, 1.0),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
            "lambda": trial.suggest_float("lambda", 1e-3, 10, log=True),
            "seed": seed,
        }
        rounds = trial.suggest_int("rounds", 100, 1500, step=50)
        booster = xgb.train(params, dtrain, num_boost_round=rounds)
        return mean_absolute_error(y_holdout, booster.predict(dholdout))
    return objective


def run_study(dtrain, dholdout, y_holdout, n_trials=150, seed=0):
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(make_objective(dtrain, dholdout, y_holdout, seed), n_trials=n_trials)
    log.info("best MAE %.4f with %s", study.best_value, study.best_params)
    return study
