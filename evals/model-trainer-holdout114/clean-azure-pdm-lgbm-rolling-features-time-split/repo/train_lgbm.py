import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

from pdm_features import build, load

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
np.random.seed(cfg["seed"])

data = build(load(cfg["data_dir"]), cfg["horizon_hours"])
feature_cols = [c for c in data.columns if c not in ("datetime", "machineID", "label")]

h = pd.Timedelta(hours=cfg["horizon_hours"])
val_start, test_start = pd.Timestamp(cfg["val_start"]), pd.Timestamp(cfg["test_start"])
train = data[data["datetime"] < val_start - h]
val = data[(data["datetime"] >= val_start) & (data["datetime"] < test_start - h)]
test = data[data["datetime"] >= test_start]
for name, d in (("train", train), ("val", val), ("test", test)):
    print(f"{name:5s} {d['datetime'].min():%Y-%m-%d} .. {d['datetime'].max():%Y-%m-%d} "
          f"rows={len(d):7d} pos_rate={d['label'].mean():.4f}")

model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
model.fit(
    train[feature_cols], train["label"],
    eval_set=[(val[feature_cols], val["label"])],
    eval_metric="average_precision",
    callbacks=[lgb.early_stopping(200), lgb.log_evaluation(200)],
)

proba = model.predict_proba(test[feature_cols])[:, 1]
ap = average_precision_score(test["label"], proba)
auc = roc_auc_score(test["label"], proba)
prec, rec, _ = precision_recall_curve(test["label"], proba)
rec_at_p50 = rec[prec >= 0.5].max() if (prec >= 0.5).any() else 0.0
print(f"test (Oct-Dec): PR AUC={ap:.4f} ROC AUC={auc:.4f} recall@precision>=0.5={rec_at_p50:.3f}")

imp = pd.Series(model.booster_.feature_importance("gain"), index=feature_cols).sort_values(ascending=False)
print(imp.head(15).round(1))
