import numpy as np
import optuna
from catboost import CatBoostRegressor, Pool
from sklearn.model_selection import KFold


def _pool(X, y, cfg):
    return Pool(X, y, cat_features=cfg["cat_features"], text_features=cfg["text_features"])


def tune(X_train, y_train, cfg):
    folds = list(KFold(cfg["cv_folds"], shuffle=True, random_state=cfg["seed"]).split(X_train))

    def objective(trial):
        params = dict(
            depth=trial.suggest_int("depth", 4, 9),
            learning_rate=trial.suggest_float("learning_rate", 0.02, 0.2, log=True),
            l2_leaf_reg=trial.suggest_float("l2_leaf_reg", 1, 30, log=True),
            bagging_temperature=trial.suggest_float("bagging_temperature", 0, 2),
            iterations=1500,
            od_type="Iter", od_wait=80,
            random_seed=cfg["seed"], verbose=False,
        )
        rmses = []
        for fit_idx, val_idx in folds:
            m = CatBoostRegressor(**params)
            m.fit(_pool(X_train.iloc[fit_idx], y_train.iloc[fit_idx], cfg),
                  eval_set=_pool(X_train.iloc[val_idx], y_train.iloc[val_idx], cfg), use_best_model=True)
            rmses.append(m.get_best_score()["validation"]["RMSE"])
        return float(np.mean(rmses))

    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=cfg["seed"]))
    study.optimize(objective, n_trials=cfg["n_trials"])
    return study.best_params, study.best_value
