"""Optuna search space and objective for the LightGBM fare model."""
import lightgbm as lgb
import optuna
from sklearn.metrics import mean_absolute_error

from fare.data import xy


def make_objective(fit_frame, eval_frame, seed):
    fit_x, fit_y = xy(fit_frame)
    eval_x, eval_y = xy(eval_frame)

    def objective(trial: optuna.Trial) -> float:
        params = {
            "n_estimators": trial.suggest_int("n_estimators", 200, 2000, log=True),
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
            "num_leaves": trial.suggest_int("num_leaves", 15, 255, log=True),
            "min_child_samples": trial.suggest_int("min_child_samples", 5, 200, log=True),
            "subsample": trial.suggest_float("subsample", 0.5, 1.0),
            "subsample_freq": 1,
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
            "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 10.0, log=True),
        }
        model = lgb.LGBMRegressor(objective="l1", random_state=seed, verbose=-1, **params)
        model.fit(fit_x, fit_y)
        return mean_absolute_error(eval_y, model.predict(eval_x))

    return objective


def run_search(fit_frame, eval_frame, seed, n_trials=80):
    sampler = optuna.samplers.TPESampler(seed=seed)
    study = optuna.create_study(direction="minimize", sampler=sampler)
    study.optimize(make_objective(fit_frame, eval_frame, seed), n_trials=n_trials)
    return study
