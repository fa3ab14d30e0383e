"""FMA-small top-genre classifier on the precomputed librosa features (features.csv).

Uses the artist-filtered training/validation/test split shipped in tracks.csv.
"""
import json
import os

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder, StandardScaler
from xgboost import XGBClassifier

FMA_META = os.environ.get("FMA_METADATA", "data/fma_metadata")
SEED = 73
FEATURE_GROUPS = ["mfcc", "spectral_contrast", "chroma_cens", "spectral_centroid", "spectral_bandwidth",
                  "spectral_rolloff", "zcr", "rmse", "tonnetz"]

tracks = pd.read_csv(f"{FMA_META}/tracks.csv", index_col=0, header=[0, 1])
features = pd.read_csv(f"{FMA_META}/features.csv", index_col=0, header=[0, 1, 2])
small = tracks[tracks[("set", "subset")] == "small"]
split = small[("set", "split")]
genre = small[("track", "genre_top")].astype(str)
X_all = features.loc[small.index, FEATURE_GROUPS]
X_all.columns = ["_".join(map(str, c)) for c in X_all.columns]

enc = LabelEncoder().fit(genre)
y_all = enc.transform(genre)
masks = {s: (split == s).to_numpy() for s in ("training", "validation", "test")}
X_tr, y_tr = X_all[masks["training"]], y_all[masks["training"]]
X_va, y_va = X_all[masks["validation"]], y_all[masks["validation"]]
X_te, y_te = X_all[masks["test"]], y_all[masks["test"]]
print({k: int(v.sum()) for k, v in masks.items()}, "tracks;", len(enc.classes_), "genres")

params = dict(n_estimators=3000, learning_rate=0.05, max_depth=5, min_child_weight=2, subsample=0.8,
              colsample_bytree=0.5, reg_lambda=2.0, tree_method="hist", random_state=SEED)
xgb = XGBClassifier(**params, early_stopping_rounds=150, eval_metric="mlogloss")
xgb.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], verbose=250)
best_rounds = xgb.best_iteration + 1

baselines = {
    "majority": DummyClassifier(strategy="most_frequent").fit(X_tr, y_tr),
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=4000)).fit(X_tr, y_tr),
}
report = {}
for name, model in [*baselines.items(), ("xgboost", xgb)]:
    pred = model.predict(X_te)
    report[name] = {"accuracy": accuracy_score(y_te, pred),
                    "balanced_accuracy": balanced_accuracy_score(y_te, pred),
                    "macro_f1": f1_score(y_te, pred, average="macro")}
    print(f"{name:9s} " + "  ".join(f"{k} {v:.4f}" for k, v in report[name].items()))

# Production model: same hyperparameters and number of rounds, trained on training + validation tracks.
fit_mask = masks["training"] | masks["validation"]
final = XGBClassifier(**{**params, "n_estimators": best_rounds})
final.fit(X_all[fit_mask], y_all[fit_mask])

os.makedirs("artifacts", exist_ok=True)
joblib.dump({"model": final, "classes": list(enc.classes_), "columns": list(X_all.columns)},
            "artifacts/fma_small_xgb.joblib")
json.dump({"best_rounds": int(best_rounds), "holdout_test": report}, open("artifacts/report.json", "w"), indent=2)
