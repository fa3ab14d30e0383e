import optuna
from sklearn.model_selection import StratifiedKFold, cross_val_score
from xgboost import XGBClassifier


def xgb_from(params, seed, pos_weight):
    params = dict(params)
    n_trees = params.pop("n_estimators", 400)
    return XGBClassifier(n_estimators=n_trees, **params, scale_pos_weight=pos_weight,
                         eval_metric="logloss", tree_method="hist", random_state=seed, n_jobs=4)


def tune(X_dev, y_dev, cfg):
    seed = cfg["seed"]
    pos_weight = float((y_dev == 0).sum() / (y_dev == 1).sum())
    folds = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=seed)

    def objective(trial):
        params = {
            "n_estimators": trial.suggest_int("n_estimators", 150, 900, step=50),
            "max_depth": trial.suggest_int("max_depth", 2, 7),
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
            "min_child_weight": trial.suggest_float("min_child_weight", 1, 20, log=True),
            "subsample": trial.suggest_float("subsample", 0.5, 1.0),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.4, 1.0),
            "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 10, log=True),
        }
        model = xgb_from(params, seed, pos_weight)
        return cross_val_score(model, X_dev, y_dev, cv=folds, scoring="average_precision").mean()

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed),
                                pruner=optuna.pruners.MedianPruner())
    study.optimize(objective, n_trials=cfg["n_trials"], show_progress_bar=False)
    return study, pos_weight
