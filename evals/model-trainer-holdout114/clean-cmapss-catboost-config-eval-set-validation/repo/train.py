import json
import os
import sys

import numpy as np
import yaml
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_squared_error

from data import feature_names, read, rul_target, trailing_features

params = yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "params.yaml"))
dc, seed = params["data"], params["seed"]
os.makedirs(params["output"], exist_ok=True)

train, test, test_rul = read(dc["dir"], dc["subset"])
train = trailing_features(train, dc["windows"])
train["RUL"] = rul_target(train, dc["max_rul"])
test = trailing_features(test, dc["windows"])
cols = feature_names(dc["windows"])

rng = np.random.default_rng(seed)
units = train["unit_nr"].unique()
val_units = rng.choice(units, size=round(len(units) * dc["val_fraction"]), replace=False)
is_val = train["unit_nr"].isin(val_units)

train_pool = Pool(train.loc[~is_val, cols], train.loc[~is_val, "RUL"], cat_features=["op_regime"])
val_pool = Pool(train.loc[is_val, cols], train.loc[is_val, "RUL"], cat_features=["op_regime"])

model = CatBoostRegressor(**params["catboost"], random_seed=seed, verbose=500)
model.fit(train_pool, eval_set=val_pool, use_best_model=True)

rmse = lambda y, p: float(mean_squared_error(y, p) ** 0.5)
fit_rmse = rmse(train.loc[~is_val, "RUL"], model.predict(train_pool))
val_rmse = rmse(train.loc[is_val, "RUL"], model.predict(val_pool))

last = test.groupby("unit_nr").tail(1).sort_values("unit_nr")
test_pred = np.clip(model.predict(Pool(last[cols], cat_features=["op_regime"])), 0, None)
test_rmse = rmse(test_rul, test_pred)

print(f"trees used: {model.get_best_iteration() + 1}")
print(f"RMSE  train {fit_rmse:.2f} | val engines {val_rmse:.2f} | official test {test_rmse:.2f}")
with open(f"{params['output']}/metrics.json", "w") as f:
    json.dump({"train_rmse": fit_rmse, "val_rmse": val_rmse, "test_rmse": test_rmse}, f, indent=2)
model.save_model(f"{params['output']}/model.cbm")
