"""Patient-level MSI vs MSS prediction (TCGA-CRC-DX tiles) from pooled frozen-CNN features with LightGBM."""
import json
import random
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import embed_tiles, pool_by_patient

SEED = 1009
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

TILE_ROOT = "data/tcga_crc_dx/tiles_224_0.5mpp"
tiles = pd.read_csv("data/tcga_crc_dx/tiles.csv")
labels = pd.read_csv("data/tcga_crc_dx/msi_status.csv").set_index("patient_id")["msi_h"]

cache = Path("cache/resnet50_patient_features.parquet")
if cache.exists():
    patient_feats = pd.read_parquet(cache)
else:
    emb = embed_tiles(tiles, TILE_ROOT, device="cuda" if torch.cuda.is_available() else "cpu")
    patient_feats = pool_by_patient(tiles, emb)
    cache.parent.mkdir(parents=True, exist_ok=True)
    patient_feats.to_parquet(cache)

patient_feats = patient_feats.loc[patient_feats.index.intersection(labels.index)]
X = patient_feats.to_numpy()
y = labels.loc[patient_feats.index].astype(int).to_numpy()
print(f"{len(y)} patients, MSI-H rate {y.mean():.3f}")

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)
X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=SEED)

params = dict(
    objective="binary", learning_rate=0.02, num_leaves=15, min_child_samples=10,
    feature_fraction=0.2, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0,
    scale_pos_weight=(1 - y_tr.mean()) / y_tr.mean(), seed=SEED, verbose=-1,
)
booster = lgb.train(
    params,
    lgb.Dataset(X_tr, y_tr),
    num_boost_round=3000,
    valid_sets=[lgb.Dataset(X_val, y_val)],
    callbacks=[lgb.early_stopping(150), lgb.log_evaluation(100)],
)
booster.save_model("models/msi_lgbm.txt", num_iteration=booster.best_iteration)

val_prob = booster.predict(X_val, num_iteration=booster.best_iteration)
grid = np.linspace(0.05, 0.95, 91)
thr = float(grid[np.argmax([balanced_accuracy_score(y_val, val_prob >= t) for t in grid])])

logreg = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=5000, class_weight="balanced"))
logreg.fit(X_tr, y_tr)

test_prob = booster.predict(X_test, num_iteration=booster.best_iteration)
results = {
    "lightgbm": {
        "auroc": roc_auc_score(y_test, test_prob),
        "auprc": average_precision_score(y_test, test_prob),
        "balanced_acc@val_thr": balanced_accuracy_score(y_test, test_prob >= thr),
    },
    "logreg_baseline": {
        "auroc": roc_auc_score(y_test, logreg.predict_proba(X_test)[:, 1]),
        "auprc": average_precision_score(y_test, logreg.predict_proba(X_test)[:, 1]),
    },
    "threshold": thr,
}
print(json.dumps(results, indent=2))
