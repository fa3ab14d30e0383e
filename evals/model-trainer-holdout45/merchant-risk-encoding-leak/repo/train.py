"""E-commerce chargeback-fraud model: entity risk encodings + LightGBM, out-of-time evaluation."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import toml
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

from fraud_features.encoders import add_risk_encodings, add_time_features

cfg = toml.load("pipeline.toml")
dcfg, ecfg = cfg["data"], cfg["encoding"]
np.random.seed(cfg["lgbm"]["seed"])

tx = pd.read_parquet(dcfg["path"])
tx[dcfg["timestamp"]] = pd.to_datetime(tx[dcfg["timestamp"]])
tx = tx.sort_values(dcfg["timestamp"]).reset_index(drop=True)

tx = add_time_features(tx, dcfg["timestamp"])
tx = add_risk_encodings(tx, ecfg["risk_columns"], dcfg["target"], ecfg["smoothing"])

drop = set(ecfg["risk_columns"]) | {"tx_id", "customer_id", "billing_country", dcfg["timestamp"], dcfg["target"]}
features = [c for c in tx.columns if c not in drop]

ts = tx[dcfg["timestamp"]]
train = tx[ts < dcfg["train_end"]]
valid = tx[(ts >= dcfg["train_end"]) & (ts < dcfg["valid_end"])]
test = tx[ts >= dcfg["valid_end"]]
print(f"train {len(train):,}  valid {len(valid):,}  test {len(test):,}")

dtrain = lgb.Dataset(train[features], train[dcfg["target"]])
dvalid = lgb.Dataset(valid[features], valid[dcfg["target"]], reference=dtrain)
booster = lgb.train(
    cfg["lgbm"] | {"metric": ["auc", "average_precision"]},
    dtrain,
    num_boost_round=3000,
    valid_sets=[dvalid],
    callbacks=[lgb.early_stopping(150), lgb.log_evaluation(100)],
)

p_valid = booster.predict(valid[features], num_iteration=booster.best_iteration)
prec, rec, thr = precision_recall_curve(valid[dcfg["target"]], p_valid)
f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[np.argmax(f1)])

y_test = test[dcfg["target"]].values
p_test = booster.predict(test[features], num_iteration=booster.best_iteration)
flag = p_test >= threshold
rule_flag = (test["amount"] > 500) & (test["billing_shipping_match"] == 0)
metrics = {
    "roc_auc": roc_auc_score(y_test, p_test),
    "pr_auc": average_precision_score(y_test, p_test),
    "threshold": threshold,
    "precision": float(y_test[flag].mean()) if flag.any() else 0.0,
    "recall": float(flag[y_test == 1].mean()),
    "rule_precision": float(y_test[rule_flag.values].mean()),
    "rule_recall": float(rule_flag.values[y_test == 1].mean()),
}
print(json.dumps(metrics, indent=2))
booster.save_model("models/chargeback_lgbm.txt", num_iteration=booster.best_iteration)
