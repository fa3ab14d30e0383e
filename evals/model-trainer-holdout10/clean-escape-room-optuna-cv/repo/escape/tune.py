"""Optuna search over LightGBM hyperparameters, scored by stratified CV on the training split only."""
import lightgbm as lgb
import numpy as np
import optuna
from sklearn.model_selection import StratifiedKFold, cross_val_score


def search_space(trial: optuna.Trial, seed: int) -> dict:
    return {
        "n_estimators": trial.suggest_int("n_estimators", 100, 1500, step=50),
        "learning_rate": trial.suggest_float("learning_rate", 0.005, 0.2, log=True),
        "num_leaves": trial.suggest_int("num_leaves", 8, 128, log=True),
        "min_child_samples": trial.suggest_int("min_child_samples", 10, 200, log=True),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "subsample_freq": 1,
        "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
        "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 30.0, log=True),
        "random_state": seed,
        "verbose": -1,
    }


def tune(X_fit, y_fit, n_trials: int, folds: int, metric: str, seed: int) -> tuple[dict, float]:
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)

    def objective(trial: optuna.Trial) -> float:
        model = lgb.LGBMClassifier(**search_space(trial, seed))
        return float(np.mean(cross_val_score(model, X_fit, y_fit, cv=cv, scoring=metric)))

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=n_trials)
    best = dict(study.best_params, subsample_freq=1, random_state=seed, verbose=-1)
    return best, study.best_value
