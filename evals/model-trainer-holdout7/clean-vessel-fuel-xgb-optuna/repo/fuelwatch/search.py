import numpy as np
import optuna
import xgboost as xgb
from sklearn.model_selection import StratifiedGroupKFold


def tune(dtrain: xgb.DMatrix, groups: np.ndarray, n_trials: int, folds: int, max_rounds: int, seed: int):
    labels = dtrain.get_label()
    pos = labels.mean()
    splits = list(StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
                  .split(np.zeros(len(labels)), labels, groups))

    def objective(trial: optuna.Trial) -> float:
        params = {
            "objective": "binary:logistic",
            "eval_metric": "aucpr",
            "tree_method": "hist",
            "eta": trial.suggest_float("eta", 0.01, 0.2, log=True),
            "max_depth": trial.suggest_int("max_depth", 3, 10),
            "min_child_weight": trial.suggest_float("min_child_weight", 1, 50, log=True),
            "subsample": trial.suggest_float("subsample", 0.5, 1.0),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
            "lambda": trial.suggest_float("lambda", 1e-3, 20, log=True),
            "scale_pos_weight": (1 - pos) / pos,
            "seed": seed,
        }
        cv = xgb.cv(params, dtrain, num_boost_round=max_rounds, folds=splits,
                    early_stopping_rounds=100, seed=seed, verbose_eval=False)
        trial.set_user_attr("rounds", len(cv))
        return cv["test-aucpr-mean"].iloc[-1]

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=n_trials)
    best = study.best_trial
    return best.params, best.user_attrs["rounds"], best.value
