"""Porosity risk for bronze bell castings. Usage: python train.py params.yaml"""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.model_selection import train_test_split

from foundry.metrics import pick_threshold, summary
from foundry.prep import featurize

cfg = yaml.safe_load(Path(sys.argv[1] if len(sys.argv) > 1 else "params.yaml").read_text())
np.random.seed(cfg["seed"])

raw = pd.read_csv(cfg["paths"]["castings"])
X, y = featurize(raw), raw["porosity_reject"].astype(int)

X_rest, X_test, y_rest, y_test = train_test_split(
    X, y, test_size=cfg["split"]["test_size"], stratify=y, random_state=cfg["seed"])
X_tr, X_val, y_tr, y_val = train_test_split(
    X_rest, y_rest, test_size=cfg["split"]["val_size"], stratify=y_rest, random_state=cfg["seed"])

dtrain = xgb.DMatrix(X_tr, label=y_tr)
dval = xgb.DMatrix(X_val, label=y_val)
dtest = xgb.DMatrix(X_test, label=y_test)

params = {**cfg["booster"], "seed": cfg["seed"],
          "scale_pos_weight": float((y_tr == 0).sum() / max((y_tr == 1).sum(), 1))}
booster = xgb.train(params, dtrain, num_boost_round=cfg["num_boost_round"],
                    evals=[(dtrain, "train"), (dval, "val")],
                    early_stopping_rounds=cfg["early_stopping_rounds"], verbose_eval=250)
best = (0, booster.best_iteration + 1)

p_val = booster.predict(dval, iteration_range=best)
thr = pick_threshold(y_val.to_numpy(), p_val)

# baseline: the foundry's rule of thumb (flag moist moulds or low superheat)
rule = ((X_test["mould_moisture_pct"] > 4.5) | (X_test["superheat_c"] < 60)).astype(float)

p_test = booster.predict(dtest, iteration_range=best)
report = {"xgb": summary(y_test.to_numpy(), p_test, thr),
          "rule_of_thumb": summary(y_test.to_numpy(), rule.to_numpy(), 0.5),
          "threshold": thr, "best_iteration": booster.best_iteration}
print(json.dumps(report, indent=2))
Path(cfg["paths"]["model_out"]).parent.mkdir(parents=True, exist_ok=True)
booster.save_model(cfg["paths"]["model_out"])
