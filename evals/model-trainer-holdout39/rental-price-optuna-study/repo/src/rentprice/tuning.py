import lightgbm as lgb
import numpy as np
import optuna
from sklearn.metrics import mean_squared_error


def _space(trial: optuna.Trial, seed: int) -> dict:
    return {
        "n_estimators": trial.suggest_int("n_estimators", 200, 3000, log=True),
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
        "num_leaves": trial.suggest_int("num_leaves", 15, 255, log=True),
        "min_child_samples": trial.suggest_int("min_child_samples", 5, 200, log=True),
        "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 10.0, log=True),
        "colsample_bytree": trial.suggest_float("colsample_bytree", 0.5, 1.0),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "subsample_freq": 1,
        "random_state": seed,
        "verbose": -1,
    }


def run_study(X_fit, y_fit, X_score, y_score, n_trials: int, seed: int) -> optuna.Study:
    def objective(trial: optuna.Trial) -> float:
        model = lgb.LGBMRegressor(**_space(trial, seed))
        model.fit(X_fit, y_fit)
        return float(np.sqrt(mean_squared_error(y_score, model.predict(X_score))))

    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=n_trials, show_progress_bar=False)
    return study
