"""Mortgage application PD.

1. choose the number of boosting rounds on the 2019H1 validation window
2. refit on train + valid with that many rounds (scaled for the larger sample)
3. score the 2019H2 test window once
"""
import json

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import roc_auc_score

from features import FEATURES, engineer
from splits import describe, time_windows

P = yaml.safe_load(open("params.yaml"))
params = {**P["lgb"], "seed": P["seed"]}
tgt = P["target"]

df = engineer(pd.read_parquet(P["data_path"]))
train, valid, test = time_windows(df, P["date_col"], **P["windows"])
describe({"train": train, "valid": valid, "test": test}, tgt)

dtr = lgb.Dataset(train[FEATURES], train[tgt])
dva = lgb.Dataset(valid[FEATURES], valid[tgt], reference=dtr)
selector = lgb.train(
    {**params, "metric": "auc"}, dtr, num_boost_round=P["max_rounds"],
    valid_sets=[dva], valid_names=["valid"],
    callbacks=[lgb.early_stopping(P["early_stopping"]), lgb.log_evaluation(200)],
)
best_rounds = selector.best_iteration
valid_auc = selector.best_score["valid"]["auc"]

full = pd.concat([train, valid])
n_rounds = int(best_rounds * len(full) / len(train))
final = lgb.train(params, lgb.Dataset(full[FEATURES], full[tgt]), num_boost_round=n_rounds)

test_auc = roc_auc_score(test[tgt], final.predict(test[FEATURES]))
result = {
    "best_rounds_on_valid": best_rounds,
    "final_rounds": n_rounds,
    "valid_gini": 2 * valid_auc - 1,
    "test_gini": 2 * test_auc - 1,
}
print(json.dumps(result, indent=2))
final.save_model("mortgage_pd_lgbm.txt")
with open("mortgage_pd_lgbm.metrics.json", "w") as fh:
    json.dump(result, fh, indent=2)
