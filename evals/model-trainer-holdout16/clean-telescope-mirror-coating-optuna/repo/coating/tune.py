import optuna
import xgboost as xgb


def make_objective(dfit, dval, seed):
    def objective(trial):
        params = {
            "objective": "reg:squarederror",
            "eval_metric": "rmse",
            "eta": trial.suggest_float("eta", 0.01, 0.2, log=True),
            "max_depth": trial.suggest_int("max_depth", 2, 8),
            "min_child_weight": trial.suggest_float("min_child_weight", 1, 20, log=True),
            "subsample": trial.suggest_float("subsample", 0.5, 1.0),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.5, 1.0),
            "lambda": trial.suggest_float("lambda", 1e-3, 10, log=True),
            "seed": seed,
        }
        bst = xgb.train(params, dfit, num_boost_round=5000, evals=[(dval, "valid")],
                        early_stopping_rounds=100, verbose_eval=False)
        trial.set_user_attr("best_iteration", bst.best_iteration)
        return bst.best_score
    return objective


def run_study(dfit, dval, seed, n_trials):
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(make_objective(dfit, dval, seed), n_trials=n_trials)
    return study
