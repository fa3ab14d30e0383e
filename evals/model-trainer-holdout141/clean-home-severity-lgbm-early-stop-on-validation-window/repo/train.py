"""Household claims severity - LightGBM on log settled amount."""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import yaml
from sklearn.metrics import mean_absolute_error, median_absolute_error

from data import chronological_split, load_settled_claims

cfg = yaml.safe_load(open("config.yaml"))
cat_cols, num_cols = cfg["features"]["categorical"], cfg["features"]["numeric"]
feats = cat_cols + num_cols

df = load_settled_claims(cfg["data"]["path"], cat_cols)
train, valid, test = chronological_split(df, cfg["data"]["train_end"], cfg["data"]["valid_end"])
print({k: len(v) for k, v in {"train": train, "valid": valid, "test": test}.items()})

dtrain = lgb.Dataset(train[feats], np.log(train["settled_amount"]), categorical_feature=cat_cols)
dvalid = lgb.Dataset(valid[feats], np.log(valid["settled_amount"]), reference=dtrain)

booster = lgb.train(
    cfg["lgb"],
    dtrain,
    num_boost_round=cfg["max_rounds"],
    valid_sets=[dvalid],
    valid_names=["valid"],
    callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(250)],
)


def report(frame, name):
    pred = np.exp(booster.predict(frame[feats], num_iteration=booster.best_iteration))
    actual = frame["settled_amount"].values
    return {
        f"{name}_mae": float(mean_absolute_error(actual, pred)),
        f"{name}_median_ae": float(median_absolute_error(actual, pred)),
        f"{name}_pred_over_actual": float(pred.sum() / actual.sum()),
    }


metrics = {"best_iteration": booster.best_iteration, **report(valid, "valid"), **report(test, "test")}
print(json.dumps(metrics, indent=2))

out = Path("artifacts")
out.mkdir(exist_ok=True)
booster.save_model(str(out / "severity_lgbm.txt"), num_iteration=booster.best_iteration)
json.dump(metrics, open(out / "metrics.json", "w"), indent=2)
