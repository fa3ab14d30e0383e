"""Train a page stream segmentation model: split multi-document scan batches into documents."""
import json

import numpy as np
import pandas as pd
import yaml
import lightgbm as lgb
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

from pss.features import pair_features

cfg = yaml.safe_load(open("pss.yaml"))
SEED = cfg["seed"]
np.random.seed(SEED)

pages = pd.read_parquet(cfg["pages_path"])
feats = pair_features(pages)
X = feats.drop(columns=["batch_id", "position", "label"])
y = feats["label"].values
groups = feats["batch_id"].values
print(f"{len(feats)} pages, {feats['batch_id'].nunique()} batches, boundary rate {y.mean():.3f}")

outer = StratifiedGroupKFold(n_splits=cfg["n_outer_folds"], shuffle=True, random_state=SEED)
train_idx, test_idx = next(outer.split(X, y, groups))
X_train, y_train, g_train = X.iloc[train_idx], y[train_idx], groups[train_idx]
X_test, y_test = X.iloc[test_idx], y[test_idx]
assert not set(g_train) & set(groups[test_idx])


def rule_baseline(df):
    """Current production heuristic: new document on page-number reset or first page of the batch."""
    return np.maximum(df["page_no_reset"].values, df["is_first_in_batch"].values).astype(float)


# out-of-fold scores on the training batches, used to choose the decision threshold
inner = StratifiedGroupKFold(n_splits=cfg["n_inner_folds"], shuffle=True, random_state=SEED)
oof = np.zeros(len(X_train))
for fold, (tr, va) in enumerate(inner.split(X_train, y_train, g_train)):
    m = lgb.LGBMClassifier(**cfg["lgbm"], random_state=SEED + fold, verbose=-1)
    m.fit(X_train.iloc[tr], y_train[tr])
    oof[va] = m.predict_proba(X_train.iloc[va])[:, 1]

grid = np.linspace(0.05, 0.95, 91)
threshold = float(grid[np.argmax([f1_score(y_train, oof >= t) for t in grid])])
print(f"threshold from OOF training scores: {threshold:.2f}")

model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=SEED, verbose=-1)
model.fit(X_train, y_train)
p_test = model.predict_proba(X_test)[:, 1]

results = {
    "rule_baseline": {
        "boundary_f1": f1_score(y_test, rule_baseline(X_test)),
        "roc_auc": roc_auc_score(y_test, rule_baseline(X_test)),
    },
    "lgbm": {
        "boundary_f1": f1_score(y_test, p_test >= threshold),
        "roc_auc": roc_auc_score(y_test, p_test),
        "avg_precision": average_precision_score(y_test, p_test),
        "threshold": threshold,
    },
}
print(json.dumps(results, indent=2))
model.booster_.save_model("models/pss_lgbm.txt")
