"""Next-cycle promotion model, temporal holdout.

train: cycles <= train_until | valid: valid_cycle (early stopping) | test: test_cycle
"""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, average_precision_score

from panel_features import FEATURES, add_lags, cycle_key

cfg = json.load(open("settings.json"))
np.random.seed(cfg["seed"])

panel = pd.read_parquet(cfg["panel_path"])
panel["cycle_key"] = cycle_key(panel["review_cycle"])
panel = add_lags(panel)
panel = panel[panel[cfg["target"]].notna()]

k = {name: cycle_key(pd.Series([cfg[name]]))[0] for name in ["train_until", "valid_cycle", "test_cycle"]}
train = panel[panel["cycle_key"] <= k["train_until"]]
valid = panel[panel["cycle_key"] == k["valid_cycle"]]
test = panel[panel["cycle_key"] == k["test_cycle"]]
for name, part in [("train", train), ("valid", valid), ("test", test)]:
    print(f"{name:5s} rows={len(part):6d} pos_rate={part[cfg['target']].mean():.3f} "
          f"cycles={part['review_cycle'].min()}..{part['review_cycle'].max()}")

params = dict(cfg["lgb_params"], seed=cfg["seed"], deterministic=True)
dtrain = lgb.Dataset(train[FEATURES], train[cfg["target"]])
dvalid = lgb.Dataset(valid[FEATURES], valid[cfg["target"]], reference=dtrain)
booster = lgb.train(
    params, dtrain,
    num_boost_round=cfg["num_boost_round"],
    valid_sets=[dvalid], valid_names=["valid"],
    callbacks=[lgb.early_stopping(cfg["early_stopping"]), lgb.log_evaluation(250)],
)

p_test = booster.predict(test[FEATURES], num_iteration=booster.best_iteration)
y_test = test[cfg["target"]]
res = {
    "best_iter": booster.best_iteration,
    "valid_auc": booster.best_score["valid"]["auc"],
    "test_auc": roc_auc_score(y_test, p_test),
    "test_ap": average_precision_score(y_test, p_test),
}
top_decile = p_test >= np.quantile(p_test, 0.9)
res["test_precision_top10pct"] = float(y_test[top_decile].mean())
print(json.dumps(res, indent=2))
booster.save_model("promo_next_cycle.txt")
