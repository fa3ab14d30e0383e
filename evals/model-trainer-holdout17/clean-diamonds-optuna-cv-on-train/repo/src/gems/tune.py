"""Tune LightGBM with Optuna using 5-fold CV on the training split only, then refit and
score the untouched test split once.

    python -m gems.tune --csv data/diamonds.csv --trials 60
"""
import argparse
import json
import logging

import lightgbm as lgb
import numpy as np
import optuna
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import KFold, cross_val_score, train_test_split

from gems.data import FEATURES, load_diamonds

log = logging.getLogger("gems")


def build_model(params, seed):
    return lgb.LGBMRegressor(n_estimators=params.pop("n_estimators"), random_state=seed, verbose=-1, **params)


def make_objective(X, y, seed):
    folds = KFold(n_splits=5, shuffle=True, random_state=seed)

    def objective(trial):
        params = {
            "n_estimators": trial.suggest_int("n_estimators", 200, 1500, step=100),
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
            "num_leaves": trial.suggest_int("num_leaves", 15, 255, log=True),
            "min_child_samples": trial.suggest_int("min_child_samples", 5, 100),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.5, 1.0),
            "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 10.0, log=True),
        }
        scores = cross_val_score(build_model(params, seed), X, y, cv=folds,
                                 scoring="neg_mean_absolute_error")
        return -scores.mean()

    return objective


def evaluate(y_log, pred_log):
    y, p = np.exp(y_log), np.exp(pred_log)
    return {"mae_usd": float(mean_absolute_error(y, p)),
            "rmse_usd": float(np.sqrt(mean_squared_error(y, p))),
            "r2_log": float(r2_score(y_log, pred_log))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/diamonds.csv")
    ap.add_argument("--trials", type=int, default=60)
    ap.add_argument("--seed", type=int, default=123)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    gems = load_diamonds(args.csv)
    X_train, X_test, y_train, y_test = train_test_split(
        gems[FEATURES], gems["log_price"], test_size=0.2, random_state=args.seed)

    study = optuna.create_study(direction="minimize",
                                sampler=optuna.samplers.TPESampler(seed=args.seed))
    study.optimize(make_objective(X_train, y_train, args.seed), n_trials=args.trials)
    log.info("best CV MAE (log price) %.5f with %s", study.best_value, study.best_params)

    final = build_model(dict(study.best_params), args.seed).fit(X_train, y_train)
    references = {
        "median": DummyRegressor(strategy="median").fit(X_train, y_train),
        "linear_log_carat": LinearRegression().fit(X_train[["log_carat", "cut", "color", "clarity"]], y_train),
    }
    results = {
        "median": evaluate(y_test, references["median"].predict(X_test)),
        "linear_log_carat": evaluate(
            y_test, references["linear_log_carat"].predict(X_test[["log_carat", "cut", "color", "clarity"]])),
        "lgbm_tuned": evaluate(y_test, final.predict(X_test)),
        "best_params": study.best_params,
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
