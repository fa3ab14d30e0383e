import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 12
FEATURES = [
    "facing_fill", "log_missing", "log_extra", "misplaced_rate", "gap_area_pct",
    "share_of_shelf_delta", "price_tag_mismatch", "shelf_count", "detector_mean_conf",
    "weeks_since_reset",
]
PARAMS = dict(max_depth=4, learning_rate=0.05, subsample=0.8, colsample_bytree=0.8,
              min_child_weight=5, eval_metric="aucpr", random_state=SEED, n_jobs=-1)


def engineer(bays):
    out = bays.copy()
    out["facing_fill"] = out.n_facings_detected / out.n_facings_expected.clip(lower=1)
    out["log_missing"] = np.log1p((out.n_facings_expected - out.n_facings_detected).clip(lower=0))
    out["log_extra"] = np.log1p((out.n_facings_detected - out.n_facings_expected).clip(lower=0))
    out["misplaced_rate"] = out.misplaced_skus / out.n_facings_expected.clip(lower=1)
    out["weeks_since_reset"] = (out.audit_date - out.pog_reset_date).dt.days // 7
    return out


def store_split(df, frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(df, groups=df.store_id))
    return df.iloc[a], df.iloc[b]


bays = engineer(pd.read_parquet("data/bay_features_v3.parquet").dropna(subset=["non_compliant"]))
dev, test = store_split(bays, 0.2, SEED)
train, val = store_split(dev, 0.2, SEED)
spw = float((train.non_compliant == 0).sum() / max((train.non_compliant == 1).sum(), 1))

# 1) number of trees by early stopping on the validation stores
probe = xgb.XGBClassifier(n_estimators=2000, early_stopping_rounds=50, scale_pos_weight=spw, **PARAMS)
probe.fit(train[FEATURES], train.non_compliant, eval_set=[(val[FEATURES], val.non_compliant)], verbose=200)
n_trees = probe.best_iteration + 1
val_proba = probe.predict_proba(val[FEATURES], iteration_range=(0, n_trees))[:, 1]
print(f"best_iteration={probe.best_iteration}  val PR-AUC={average_precision_score(val.non_compliant, val_proba):.4f}")

# 2) refit on train + val with that many trees
spw_dev = float((dev.non_compliant == 0).sum() / max((dev.non_compliant == 1).sum(), 1))
final = xgb.XGBClassifier(n_estimators=n_trees, scale_pos_weight=spw_dev, **PARAMS)
final.fit(dev[FEATURES], dev.non_compliant, verbose=False)

# 3) test stores, once
proba = final.predict_proba(test[FEATURES])[:, 1]
metrics = {
    "n_trees": int(n_trees),
    "test_roc_auc": float(roc_auc_score(test.non_compliant, proba)),
    "test_pr_auc": float(average_precision_score(test.non_compliant, proba)),
    "test_f1@0.5": float(f1_score(test.non_compliant, proba >= 0.5)),
    "test_stores": int(test.store_id.nunique()),
}
print(json.dumps(metrics, indent=2))
with open("pog_metrics.json", "w") as f:
    json.dump(metrics, f, indent=2)
final.save_model("pog_xgb.json")
