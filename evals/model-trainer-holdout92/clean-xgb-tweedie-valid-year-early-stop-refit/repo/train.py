"""SME property pure premium: XGBoost Tweedie with exposure base margin.

1. fit on 2016-2020, early stopping on 2021 to choose the number of rounds
2. refit on 2016-2021 with that number of rounds
3. score 2022 once, alongside the flat-rate and current-tariff baselines
"""
import json
import random

import numpy as np
import pandas as pd
import xgboost as xgb

from pp_model.data import load, to_dmatrix
from pp_model.metrics import summarise

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
params = dict(cfg["xgb"], seed=cfg["seed"])
power = params["tweedie_variance_power"]

df = load(cfg["data"], cfg["large_loss_cap"])
train = df[df["policy_year"].isin(cfg["train_years"])]
valid = df[df["policy_year"] == cfg["valid_year"]]
test = df[df["policy_year"] == cfg["test_year"]]

dtrain, dvalid = to_dmatrix(train), to_dmatrix(valid)
tuned = xgb.train(
    params, dtrain,
    num_boost_round=cfg["max_rounds"],
    evals=[(dtrain, "train"), (dvalid, "valid")],
    early_stopping_rounds=cfg["early_stopping_rounds"],
    verbose_eval=250,
)
n_rounds = tuned.best_iteration + 1
print(f"rounds chosen on {cfg['valid_year']}: {n_rounds}")

train_valid = pd.concat([train, valid])
final = xgb.train(params, to_dmatrix(train_valid), num_boost_round=n_rounds)

dtest = to_dmatrix(test)
pred_loss = final.predict(dtest)
flat_rate = train_valid["loss_capped"].sum() / train_valid["exposure"].sum()

rows = [
    summarise("flat_rate", test["loss_capped"], flat_rate * test["exposure"], test["exposure"], power),
    summarise("current_tariff", test["loss_capped"], test["tariff_risk_premium"], test["exposure"], power),
    summarise("xgb_tweedie", test["loss_capped"], pred_loss, test["exposure"], power),
]
print(pd.DataFrame(rows).set_index("model").round(4))

final.save_model(cfg["model_path"])
with open(cfg["model_path"] + ".meta.json", "w") as fh:
    json.dump({"n_rounds": n_rounds, "test_metrics": rows, "params": params}, fh, indent=2)
