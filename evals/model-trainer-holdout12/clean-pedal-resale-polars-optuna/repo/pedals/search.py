import lightgbm as lgb
import numpy as np
import optuna
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import KFold


def tune(X, y, folds, n_trials, seed):
    """Optuna search scored by K-fold CV on the training listings only."""
    kf = KFold(n_splits=folds, shuffle=True, random_state=seed)

    def objective(trial):
        params = {
            "n_estimators": 5000,
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.1, log=True),
            "num_leaves": trial.suggest_int("num_leaves", 15, 127, log=True),
            "min_child_samples": trial.suggest_int("min_child_samples", 10, 100),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.5, 1.0),
            "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 10.0, log=True),
            "random_state": seed,
            "verbose": -1,
        }
        maes, iters = [], []
        for tr, va in kf.split(X):
            m = lgb.LGBMRegressor(**params)
            m.fit(X.iloc[tr], y.iloc[tr], eval_set=[(X.iloc[va], y.iloc[va])],
                  callbacks=[lgb.early_stopping(100, verbose=False)])
            maes.append(mean_absolute_error(y.iloc[va], m.predict(X.iloc[va])))
            iters.append(m.best_iteration_)
        trial.set_user_attr("n_estimators", int(np.mean(iters)))
        return float(np.mean(maes))

    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(objective, n_trials=n_trials)
    return study
