import numpy as np
import optuna
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import TimeSeriesSplit, cross_val_score


def make_model(params: dict, seed: int) -> HistGradientBoostingRegressor:
    return HistGradientBoostingRegressor(loss="absolute_error", random_state=seed, **params)


def tune(X, y, n_trials: int, n_splits: int, gap: int, seed: int) -> dict:
    cv = TimeSeriesSplit(n_splits=n_splits, gap=gap)

    def objective(trial: optuna.Trial) -> float:
        params = {
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
            "max_leaf_nodes": trial.suggest_int("max_leaf_nodes", 8, 128, log=True),
            "min_samples_leaf": trial.suggest_int("min_samples_leaf", 10, 300, log=True),
            "l2_regularization": trial.suggest_float("l2_regularization", 1e-4, 10.0, log=True),
            "max_iter": trial.suggest_int("max_iter", 100, 1000),
        }
        scores = cross_val_score(make_model(params, seed), X, y, cv=cv, scoring="neg_mean_absolute_error")
        return float(-np.mean(scores))

    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=n_trials)
    return study.best_params
