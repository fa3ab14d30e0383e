"""Speaker-independent emotion recognition on RAVDESS from clip-level audio + facial features.

audio: openSMILE eGeMAPSv02 functionals (88 per clip)
video: OpenFace 2.0 action-unit intensities, mean and std over frames (34 per clip)
"""
import json

import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 13

audio = pd.read_csv("features/ravdess_egemaps.csv")
video = pd.read_csv("features/ravdess_openface_au.csv")
clips = audio.merge(video, on=["clip_id", "actor", "emotion"], how="inner")
audio_cols = [c for c in audio.columns if c not in ("clip_id", "actor", "emotion")]
video_cols = [c for c in video.columns if c not in ("clip_id", "actor", "emotion")]
feature_cols = audio_cols + video_cols
print(f"{len(clips)} clips, {clips['actor'].nunique()} actors, {len(feature_cols)} features")
print(clips["emotion"].value_counts().to_dict())

X, y, actors = clips[feature_cols], clips["emotion"], clips["actor"]

# hold out ~20% of actors for the final test; stratified so every emotion is present
outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
train_idx, test_idx = next(outer.split(X, y, groups=actors))
X_train, y_train, g_train = X.iloc[train_idx], y.iloc[train_idx], actors.iloc[train_idx]
X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]
assert set(g_train).isdisjoint(set(actors.iloc[test_idx]))

candidates = {
    "majority": DummyClassifier(strategy="most_frequent"),
    "audio+video logreg": Pipeline([
        ("scale", StandardScaler()),
        ("clf", LogisticRegression(C=0.5, max_iter=5000)),
    ]),
    "audio+video lgbm": Pipeline([
        ("select", SelectKBest(f_classif, k=80)),
        ("clf", LGBMClassifier(n_estimators=400, learning_rate=0.03, num_leaves=15, min_child_samples=10,
                               subsample=0.8, subsample_freq=1, colsample_bytree=0.6,
                               random_state=SEED, verbose=-1)),
    ]),
}

inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
cv_rows = []
for name, est in candidates.items():
    scores = cross_validate(est, X_train, y_train, groups=g_train, cv=inner,
                            scoring=["f1_macro", "balanced_accuracy"], n_jobs=-1)
    cv_rows.append({"model": name,
                    "cv_f1_macro": scores["test_f1_macro"].mean(),
                    "cv_f1_macro_std": scores["test_f1_macro"].std(),
                    "cv_bal_acc": scores["test_balanced_accuracy"].mean()})
cv_table = pd.DataFrame(cv_rows).sort_values("cv_f1_macro", ascending=False)
print(cv_table.round(4).to_string(index=False))

chosen = cv_table.iloc[0]["model"]
results = {"cv": cv_rows, "chosen": chosen, "test": {}}
for name in ("majority", chosen):
    est = candidates[name].fit(X_train, y_train)
    pred = est.predict(X_test)
    results["test"][name] = {
        "f1_macro": f1_score(y_test, pred, average="macro"),
        "balanced_accuracy": balanced_accuracy_score(y_test, pred),
        "accuracy": accuracy_score(y_test, pred),
    }
    print(name, {k: round(v, 4) for k, v in results["test"][name].items()})

with open("reports/ravdess_av_results.json", "w") as f:
    json.dump(results, f, indent=2)
