"""Wood thrush detection on BBS stops, XGBoost with route-level hold-out."""
import json
import sys

import pandas as pd
import xgboost as xgb
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from features import add_features, feature_columns

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
df = add_features(pd.read_csv(cfg["data"]))
cols, target, groups = feature_columns(), cfg["target"], df[cfg["group"]]

outer = GroupShuffleSplit(n_splits=1, test_size=cfg["test_frac"], random_state=cfg["seed"])
dev_idx, test_idx = next(outer.split(df, groups=groups))
dev, test = df.iloc[dev_idx], df.iloc[test_idx]

inner = GroupShuffleSplit(n_splits=1, test_size=cfg["val_frac"], random_state=cfg["seed"])
tr_idx, val_idx = next(inner.split(dev, groups=dev[cfg["group"]]))
train, val = dev.iloc[tr_idx], dev.iloc[val_idx]
assert not set(train[cfg["group"]]) & set(test[cfg["group"]])

params = dict(cfg["xgb"])
spw = (train[target] == 0).sum() / max(1, (train[target] == 1).sum())
model = xgb.XGBClassifier(**params, scale_pos_weight=spw, tree_method="hist", random_state=cfg["seed"])
model.fit(train[cols], train[target], eval_set=[(val[cols], val[target])], verbose=200)
print(f"best iteration {model.best_iteration}, val logloss {model.best_score:.4f}")

p_val = model.predict_proba(val[cols])[:, 1]
p_test = model.predict_proba(test[cols])[:, 1]
print(f"val  AUC {roc_auc_score(val[target], p_val):.3f}")
print(f"test AUC {roc_auc_score(test[target], p_test):.3f}  logloss {log_loss(test[target], p_test):.4f}"
      f"  ({test[cfg['group']].nunique()} unseen routes)")

imp = pd.Series(model.get_booster().get_score(importance_type="gain")).sort_values(ascending=False)
imp.head(12).to_csv("gain_importance.csv")
model.save_model("wood_thrush_xgb.json")
