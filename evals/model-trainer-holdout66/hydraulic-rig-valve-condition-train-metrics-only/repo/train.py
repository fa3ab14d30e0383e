"""Fit the valve condition regressor used by the rig health dashboard.

Valve condition is reported by the rig in four states (100 % optimal, 90 % small lag,
80 % severe lag, 73 % close to total failure); the dashboard shows the regressed value
and the nearest state.
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyRegressor

from hydro.evaluation import regression_report
from hydro.features import PROFILE_COLS, build_cycle_table

VALVE_STATES = np.array([73, 80, 90, 100])


def nearest_state(values):
    return VALVE_STATES[np.abs(np.asarray(values)[:, None] - VALVE_STATES[None, :]).argmin(axis=1)]


cfg = yaml.safe_load(open("config.yaml"))
np.random.seed(cfg["seed"])

table = build_cycle_table(cfg["data_dir"], cfg["sensors"])
table = table[table["stable_flag"] == 0].reset_index(drop=True)
features = [c for c in table.columns if c not in PROFILE_COLS]
X, y = table[features], table[cfg["target_column"]]
print(f"{len(table)} stable cycles, {len(features)} features")
print(y.value_counts().sort_index())

baseline = DummyRegressor(strategy="median").fit(X, y)
model = lgb.LGBMRegressor(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
model.fit(X, y)

regression_report(baseline, X, y, "median baseline")
metrics = regression_report(model, X, y, "lightgbm")
state_hit = float(np.mean(nearest_state(model.predict(X)) == y.to_numpy()))
metrics["state_accuracy"] = state_hit
print(f"nearest-state agreement: {state_hit:.3%}")

importance = pd.Series(model.booster_.feature_importance("gain"), index=features)
print(importance.sort_values(ascending=False).head(15).round(1))

Path(cfg["model_path"]).parent.mkdir(parents=True, exist_ok=True)
model.booster_.save_model(cfg["model_path"])
Path(cfg["model_path"]).with_suffix(".metrics.json").write_text(json.dumps(metrics, indent=2))
print("saved", cfg["model_path"])
