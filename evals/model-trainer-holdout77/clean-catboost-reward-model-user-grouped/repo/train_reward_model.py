"""Reward model for the radio-station bandit (arm = seed genre)."""
import tomllib

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from rewardkit.splits import check_disjoint, grouped_holdout

with open("reward_model.toml", "rb") as fh:
    cfg = tomllib.load(fh)
SEED = cfg["seed"]
np.random.seed(SEED)


def metrics(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "log_loss": log_loss(y, p)}


logs = pd.read_parquet(cfg["logs_path"])
features = cfg["cat_features"] + cfg["num_features"]
logs[cfg["cat_features"]] = logs[cfg["cat_features"]].astype(str)
y = logs[cfg["label_col"]].astype(int).to_numpy()
groups = logs[cfg["group_col"]].to_numpy()

trainval_idx, test_idx = grouped_holdout(y, groups, cfg["n_outer_folds"], SEED)
inner_tr, inner_va = grouped_holdout(y[trainval_idx], groups[trainval_idx], cfg["n_inner_folds"], SEED)
train_idx, val_idx = trainval_idx[inner_tr], trainval_idx[inner_va]
check_disjoint(groups, train_idx, val_idx, test_idx)
print(f"rounds train={len(train_idx):,} val={len(val_idx):,} test={len(test_idx):,}; "
      f"like rate {y.mean():.3f}")

pool = lambda idx: Pool(logs.iloc[idx][features], y[idx], cat_features=cfg["cat_features"])
train_pool, val_pool, test_pool = pool(train_idx), pool(val_idx), pool(test_idx)

model = CatBoostClassifier(**cfg["catboost"], random_seed=SEED, verbose=500)
model.fit(train_pool, eval_set=val_pool, use_best_model=True)

train_df = logs.iloc[train_idx]
arm_rate = train_df.groupby(cfg["arm_col"])[cfg["label_col"]].mean()
p_arm = logs.iloc[test_idx][cfg["arm_col"]].map(arm_rate).fillna(y[train_idx].mean()).to_numpy()
p_model = model.predict_proba(test_pool)[:, 1]

report = pd.DataFrame({"per_arm_rate": metrics(y[test_idx], p_arm),
                       "catboost": metrics(y[test_idx], p_model)}).T
print(report.round(4))
print("best iteration on validation users:", model.get_best_iteration())
model.save_model(cfg["model_path"])
