"""Renewal model for product subscriptions renewing in FY24 Q1.

Accounts hold several product-line subscriptions, so folds are grouped by
account: all subscriptions of an account are either in train or in validation.
"""
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

from utils import lift_table, load_config, set_seed

cfg = load_config()
set_seed(cfg["seed"])

df = pd.read_csv(cfg["data_path"])
df[cfg["cat_features"]] = df[cfg["cat_features"]].fillna("NA").astype(str)
features = cfg["num_features"] + cfg["cat_features"]
X, y, groups = df[features], df[cfg["target"]].astype(int).to_numpy(), df[cfg["group_col"]]

print(f"{len(df):,} subscriptions / {groups.nunique():,} accounts, renewal rate {y.mean():.3f}")

sgkf = StratifiedGroupKFold(n_splits=cfg["n_splits"], shuffle=True, random_state=cfg["seed"])
oof = np.zeros(len(df))
fold_auc = []
for fold, (tr, va) in enumerate(sgkf.split(X, y, groups)):
    assert not set(groups.iloc[tr]) & set(groups.iloc[va])
    model = CatBoostClassifier(**cfg["catboost"], random_seed=cfg["seed"] + fold, verbose=0)
    model.fit(X.iloc[tr], y[tr], cat_features=cfg["cat_features"])
    oof[va] = model.predict_proba(X.iloc[va])[:, 1]
    fold_auc.append(roc_auc_score(y[va], oof[va]))
    print(f"fold {fold}: AUC {fold_auc[-1]:.4f}  n_val={len(va)}")

print(f"CV AUC {np.mean(fold_auc):.4f} ± {np.std(fold_auc):.4f}")
print(f"OOF AUC {roc_auc_score(y, oof):.4f}  OOF AP(churn) {average_precision_score(1 - y, 1 - oof):.4f}")
print(lift_table(1 - y, 1 - oof))

# production model: same settings, all labelled rows
final = CatBoostClassifier(**cfg["catboost"], random_seed=cfg["seed"], verbose=0)
final.fit(X, y, cat_features=cfg["cat_features"])
out = Path(cfg["output_dir"])
out.mkdir(parents=True, exist_ok=True)
final.save_model(str(out / "renewal_catboost.cbm"))
pd.DataFrame({"oof_pred": oof, "y": y, cfg["group_col"]: groups}).to_csv(out / "oof.csv", index=False)
