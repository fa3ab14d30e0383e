import json

import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from xgboost import XGBClassifier

from features import add_static_features, add_velocity_features, feature_columns

with open("config.yaml") as f:
    cfg = yaml.safe_load(f)

df = pd.read_parquet(cfg["data"]["path"])
df["txn_ts"] = pd.to_datetime(df["txn_ts"])
df = add_velocity_features(df, cfg["velocity_windows"])
df = add_static_features(df)
feats = feature_columns(cfg["velocity_windows"])
label = cfg["data"]["label"]

valid_start = pd.Timestamp(cfg["split"]["valid_start"])
test_start = pd.Timestamp(cfg["split"]["test_start"])
train = df[df["txn_ts"] < valid_start]
valid = df[(df["txn_ts"] >= valid_start) & (df["txn_ts"] < test_start)]
test = df[df["txn_ts"] >= test_start]
print(f"train {len(train):,} | valid {len(valid):,} | test {len(test):,}")

params = dict(cfg["xgb"])
spw = (train[label] == 0).sum() / (train[label] == 1).sum()
model = XGBClassifier(**params, scale_pos_weight=spw, tree_method="hist", random_state=cfg["seed"])
model.fit(train[feats], train[label], eval_set=[(valid[feats], valid[label])], verbose=200)
print("best iteration:", model.best_iteration)

p_valid = model.predict_proba(valid[feats])[:, 1]
p_test = model.predict_proba(test[feats])[:, 1]
report = {
    "valid_pr_auc": average_precision_score(valid[label], p_valid),
    "test_pr_auc": average_precision_score(test[label], p_test),
    "test_roc_auc": roc_auc_score(test[label], p_test),
}
print(json.dumps(report, indent=2))
model.save_model("txn_sar_xgb.json")
