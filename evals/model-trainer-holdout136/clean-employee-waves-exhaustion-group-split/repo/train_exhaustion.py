"""Estimate MBI-GS exhaustion for respondents who skipped the burnout block.

Three survey waves (2021-2023) of the same workforce; most employees answered more than
once. Features and target come from the same wave (concurrent estimation, not forecasting),
so the evaluation holds out whole employees.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit

SEED = 21
ID = "employee_id"
TARGET = "mbigs_exhaustion"          # mean of 5 items, 0-6

JOB_ITEMS = [f"jcq{i:02d}" for i in range(1, 19)]     # job content questionnaire, 1-4
ENGAGEMENT = [f"uwes{i}" for i in range(1, 4)]         # UWES-3, 0-6
OTHER = ["wave", "weekly_hours", "remote_share", "team_size", "tenure_years",
         "age", "female", "people_manager"]


def load(path):
    df = pd.read_csv(path)
    df = df.dropna(subset=[TARGET])
    df["wave"] = df["wave"].map({2021: 0, 2022: 1, 2023: 2})
    return df


def main(path="data/workforce_survey_waves.csv"):
    df = load(path)
    features = JOB_ITEMS + ENGAGEMENT + OTHER
    X, y, groups = df[features], df[TARGET], df[ID]
    print(f"{len(df)} responses from {groups.nunique()} employees")

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    train_idx, test_idx = next(outer.split(X, y, groups))
    X_train, y_train, g_train = X.iloc[train_idx], y.iloc[train_idx], groups.iloc[train_idx]
    X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]
    assert set(g_train).isdisjoint(set(groups.iloc[test_idx]))

    grid = {
        "learning_rate": [0.03, 0.06],
        "max_leaf_nodes": [15, 31],
        "min_samples_leaf": [20, 50],
        "l2_regularization": [0.0, 1.0],
    }
    search = GridSearchCV(
        HistGradientBoostingRegressor(max_iter=400, early_stopping=False, random_state=SEED),
        grid,
        cv=GroupKFold(n_splits=5),
        scoring="neg_mean_absolute_error",
        n_jobs=-1,
    )
    search.fit(X_train, y_train, groups=g_train)
    print("best params:", search.best_params_, "CV MAE:", round(-search.best_score_, 3))

    pred = search.predict(X_test)
    baseline = np.full_like(y_test, y_train.mean(), dtype=float)
    results = {
        "test_mae": mean_absolute_error(y_test, pred),
        "test_r2": r2_score(y_test, pred),
        "baseline_mae_train_mean": mean_absolute_error(y_test, baseline),
        "n_test_employees": int(groups.iloc[test_idx].nunique()),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
