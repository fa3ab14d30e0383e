"""Gunshot detector for passive acoustic monitoring windows, evaluated on a later, unseen week."""
import json
import os
import tomllib

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score

cfg = tomllib.load(open("detector.toml", "rb"))
np.random.seed(cfg["model"]["seed"])

win = pd.read_parquet(cfg["data"]["windows"]).sort_values(["recorder", "timestamp"]).reset_index(drop=True)
feature_cols = [c for c in win.columns if c.startswith("f")]
test_start = pd.Timestamp(cfg["data"]["test_start"])
gap = pd.Timedelta(hours=cfg["data"]["gap_hours"])

train = win[win["timestamp"] < test_start - gap]
test = win[win["timestamp"] >= test_start]
val_start = train["timestamp"].quantile(0.8)
fit = train[train["timestamp"] < val_start - gap]
val = train[train["timestamp"] >= val_start]
for name, part in [("fit", fit), ("val", val), ("test", test)]:
    print(f"{name:5s} {part['timestamp'].min()} → {part['timestamp'].max()}  n={len(part)}  pos={part['label'].mean():.4f}")

m = cfg["model"]
model = lgb.LGBMClassifier(
    objective="binary", learning_rate=m["learning_rate"], num_leaves=m["num_leaves"],
    min_child_samples=m["min_child_samples"], colsample_bytree=m["feature_fraction"],
    subsample=m["bagging_fraction"], subsample_freq=m["bagging_freq"], n_estimators=m["n_estimators"],
    scale_pos_weight=(1 - fit["label"].mean()) / fit["label"].mean(), random_state=m["seed"], verbose=-1,
)
model.fit(fit[feature_cols], fit["label"], eval_set=[(val[feature_cols], val["label"])], eval_metric="average_precision",
          callbacks=[lgb.early_stopping(m["early_stopping_rounds"]), lgb.log_evaluation(200)])

p_val = model.predict_proba(val[feature_cols])[:, 1]
prec, rec, thr = precision_recall_curve(val["label"], p_val)
f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[np.argmax(f1s)])

p_test = model.predict_proba(test[feature_cols])[:, 1]
prior = np.full(len(test), fit["label"].mean())
report = {
    "threshold_from_val": threshold,
    "test_pr_auc": average_precision_score(test["label"], p_test),
    "test_roc_auc": roc_auc_score(test["label"], p_test),
    "test_f1_at_threshold": f1_score(test["label"], p_test >= threshold),
    "prior_baseline_pr_auc": average_precision_score(test["label"], prior),
    "best_iteration": int(model.best_iteration_),
}
for rec_id, part in test.assign(p=p_test).groupby("recorder"):
    report[f"pr_auc_{rec_id}"] = average_precision_score(part["label"], part["p"]) if part["label"].any() else None
print(json.dumps(report, indent=2, default=float))

os.makedirs(os.path.dirname(cfg["output"]["model_path"]), exist_ok=True)
model.booster_.save_model(cfg["output"]["model_path"])
json.dump(report, open(cfg["output"]["report_path"], "w"), indent=2, default=float)
