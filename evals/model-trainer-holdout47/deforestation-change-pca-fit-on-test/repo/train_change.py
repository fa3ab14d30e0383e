"""Forest-loss classifier for the 2022-2023 monitoring cycle.

Training pixels are sampled inside interpreter-labelled polygons (loss / stable
forest). Whole polygons are held out for testing.
"""
import json

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, cohen_kappa_score, f1_score,
                             precision_recall_curve, roc_auc_score)
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.preprocessing import StandardScaler

from change_features import build_change_features

SEED = 23
N_COMPONENTS = 12

pixels = pd.read_parquet("data/s2_change_pixels_2022_2023.parquet")
pixels = pixels.dropna()
X_all = build_change_features(pixels)
y_all = pixels["forest_loss"].astype(int).to_numpy()
groups = pixels["polygon_id"].to_numpy()
print(f"{len(pixels)} pixels in {len(np.unique(groups))} polygons, loss share {y_all.mean():.3f}")

sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
train_idx, test_idx = next(sgkf.split(X_all, y_all, groups))
X_train, X_test = X_all.iloc[train_idx], X_all.iloc[test_idx]
y_train, y_test = y_all[train_idx], y_all[test_idx]

scaler = StandardScaler().fit(X_train)
Xs_train, Xs_test = scaler.transform(X_train), scaler.transform(X_test)

# decorrelate the strongly collinear band deltas
pca = PCA(n_components=N_COMPONENTS, random_state=SEED)
pca.fit(np.vstack([Xs_train, Xs_test]))
Z_train, Z_test = pca.transform(Xs_train), pca.transform(Xs_test)
print("explained variance", pca.explained_variance_ratio_.cumsum()[-1].round(3))

# pick the operating threshold on out-of-fold training predictions
inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
oof = np.zeros(len(y_train))
for tr, va in inner.split(Z_train, y_train, groups[train_idx]):
    m = LogisticRegression(C=0.5, class_weight="balanced", max_iter=5000).fit(Z_train[tr], y_train[tr])
    oof[va] = m.predict_proba(Z_train[va])[:, 1]
prec, rec, thr = precision_recall_curve(y_train, oof)
f1_curve = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[np.argmax(f1_curve)])

clf = LogisticRegression(C=0.5, class_weight="balanced", max_iter=5000).fit(Z_train, y_train)
rf = RandomForestClassifier(n_estimators=400, min_samples_leaf=5, class_weight="balanced",
                            n_jobs=-1, random_state=SEED).fit(X_train, y_train)
dnbr_only = LogisticRegression(class_weight="balanced").fit(X_train[["d_nbr"]], y_train)

results = {}
for name, proba in [
    ("pca_logreg", clf.predict_proba(Z_test)[:, 1]),
    ("random_forest_raw", rf.predict_proba(X_test)[:, 1]),
    ("dnbr_logreg", dnbr_only.predict_proba(X_test[["d_nbr"]])[:, 1]),
]:
    pred = (proba >= threshold).astype(int) if name == "pca_logreg" else (proba >= 0.5).astype(int)
    results[name] = {
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
        "f1": f1_score(y_test, pred),
        "kappa": cohen_kappa_score(y_test, pred),
    }
print(json.dumps(results, indent=2))
json.dump({"threshold": threshold, "results": results}, open("reports/change_holdout.json", "w"), indent=2)
