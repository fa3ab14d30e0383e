"""Linear probe for SKU recognition on frozen CLIP ViT-B/16 crop embeddings.

embeddings.npz is produced by scripts/embed_crops.py (no training involved):
  emb [N, 512] float32, sku_id [N], store_id [N]
"""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, top_k_accuracy_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 0

data = np.load("data/embeddings/clip_b16_crops.npz", allow_pickle=True)
X, y, stores = data["emb"], data["sku_id"], data["store_id"]
print(X.shape, len(np.unique(y)), "SKUs", len(np.unique(stores)), "stores")

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
tr, te = next(splitter.split(X, y, groups=stores))
X_tr, y_tr, g_tr = X[tr], y[tr], stores[tr]
X_te, y_te = X[te], y[te]

# closed-set probe: only score test crops of SKUs the probe can know about
seen = np.isin(y_te, np.unique(y_tr))
print(f"dropping {(~seen).sum()} test crops of SKUs absent from training stores")
X_te, y_te = X_te[seen], y_te[seen]

pipe = Pipeline([
    ("scale", StandardScaler()),
    ("pca", PCA(random_state=SEED)),
    ("clf", LogisticRegression(max_iter=3000, random_state=SEED)),
])
grid = {
    "pca__n_components": [128, 256],
    "clf__C": [0.1, 1.0, 10.0],
}
search = GridSearchCV(pipe, grid, cv=GroupKFold(n_splits=5), scoring="f1_macro", n_jobs=-1, refit=True)
search.fit(X_tr, y_tr, groups=g_tr)
print("best", search.best_params_, "cv macro-F1", round(search.best_score_, 4))

proba = search.predict_proba(X_te)
pred = search.classes_[proba.argmax(1)]
metrics = {
    "best_params": search.best_params_,
    "cv_macro_f1": float(search.best_score_),
    "test_top1": float((pred == y_te).mean()),
    "test_top5": float(top_k_accuracy_score(y_te, proba, k=5, labels=search.classes_)),
    "test_macro_f1": float(f1_score(y_te, pred, average="macro")),
}
print(json.dumps(metrics, indent=2))

pd.DataFrame(search.cv_results_).sort_values("rank_test_score").to_csv("probe_cv_results.csv", index=False)
joblib.dump(search.best_estimator_, "probe_clip_b16.joblib")
