import itertools
import json

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error

from data import chrono_split, load

cfg = yaml.safe_load(open("config.yaml"))
df = load(cfg["data_path"])
train, val, test = chrono_split(df, pd.Timestamp(cfg["split"]["val_start"]),
                                pd.Timestamp(cfg["split"]["test_start"]))
X, y, cats = cfg["features"], cfg["target"], cfg["categorical"]
base = {**cfg["base_params"], "seed": cfg["seed"]}

# 1) choose hyperparameters and number of rounds on the November validation month
trials = []
keys = list(cfg["search"])
for values in itertools.product(*cfg["search"].values()):
    params = {**base, **dict(zip(keys, values))}
    dtrain = lgb.Dataset(train[X], train[y], categorical_feature=cats)
    dval = lgb.Dataset(val[X], val[y], reference=dtrain)
    booster = lgb.train(params, dtrain, num_boost_round=cfg["max_rounds"], valid_sets=[dval],
                        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"], verbose=False)])
    val_mae = mean_absolute_error(val[y], booster.predict(val[X], num_iteration=booster.best_iteration))
    trials.append({"params": dict(zip(keys, values)), "rounds": booster.best_iteration, "val_mae": val_mae})
    print(trials[-1])
best = min(trials, key=lambda t: t["val_mae"])

# 2) refit on train + validation with the chosen settings; rounds scaled for the extra month
train_val = pd.concat([train, val])
d_full = lgb.Dataset(train_val[X], train_val[y], categorical_feature=cats)
n_rounds = int(best["rounds"] * len(train_val) / len(train))
final = lgb.train({**base, **best["params"]}, d_full, num_boost_round=n_rounds)

# 3) December, scored once
pred = final.predict(test[X])
report = {
    "chosen": best,
    "final_rounds": n_rounds,
    "test_mae": mean_absolute_error(test[y], pred),
    "test_mae_persistence": mean_absolute_error(test[y], test["surge_now"]),
}
print(json.dumps(report, indent=2, default=str))
final.save_model(cfg["model_out"])
