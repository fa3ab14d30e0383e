"""Bearing fault classifier (normal / inner race / outer race / ball) from envelope spectra."""
import json

import joblib
import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import StratifiedGroupKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from motorfault.dataset import build_feature_table

cfg = json.load(open("bearing.json"))
SEED = cfg["seed"]

table = build_feature_table(cfg)
feature_cols = [c for c in table.columns if c not in ("run_id", "label")]
X, y, groups = table[feature_cols], table["label"], table["run_id"]
print(table.groupby("label")["run_id"].nunique())

outer = StratifiedGroupKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=SEED)
train_idx, test_idx = list(outer.split(X, y, groups))[cfg["test_fold"]]
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]
assert set(groups.iloc[train_idx]).isdisjoint(groups.iloc[test_idx])

models = {
    "majority": DummyClassifier(strategy="most_frequent"),
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, C=1.0)),
    "random_forest": RandomForestClassifier(
        n_estimators=500, min_samples_leaf=2, class_weight="balanced", random_state=SEED, n_jobs=-1
    ),
}
inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
for name, model in models.items():
    cv_f1 = cross_val_score(model, X_train, y_train, groups=groups.iloc[train_idx], cv=inner, scoring="f1_macro")
    model.fit(X_train, y_train)
    pred = model.predict(X_test)
    print(
        f"{name:>14}: CV macro-F1 {cv_f1.mean():.3f}+/-{cv_f1.std():.3f} | "
        f"test macro-F1 {f1_score(y_test, pred, average='macro'):.3f} "
        f"balanced acc {balanced_accuracy_score(y_test, pred):.3f}"
    )

print(classification_report(y_test, models["random_forest"].predict(X_test), digits=3))
joblib.dump({"model": models["random_forest"], "features": feature_cols}, "bearing_rf.joblib")
