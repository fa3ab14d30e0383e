"""Melanoma risk model on handcrafted ABCD dermoscopy features (asymmetry, border, colour, diameter).

Features are computed per image from the lesion segmentation mask by compute_abcd.py.
Several images can belong to one patient, so all CV and hold-out splits are grouped by patient.
"""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, balanced_accuracy_score, recall_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SEED = 4242

df = pd.read_parquet("features/isic_abcd_features.parquet")
feature_cols = [c for c in df.columns if c.split("_")[0] in {"asym", "border", "color", "diam", "texture"}]
X, y, groups = df[feature_cols], df["melanoma"].astype(int), df["patient_id"]
print(f"{len(df)} images / {groups.nunique()} patients / melanoma rate {y.mean():.3f}")

holdout = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
dev_idx, test_idx = next(holdout.split(X, y, groups))
X_dev, y_dev, g_dev = X.iloc[dev_idx], y.iloc[dev_idx], groups.iloc[dev_idx]
X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]

pipe = Pipeline([
    ("impute", SimpleImputer(strategy="median")),
    ("scale", StandardScaler()),
    ("select", SelectKBest(f_classif)),
    ("clf", SVC(probability=True, class_weight="balanced", random_state=SEED)),
])
grid = {
    "select__k": [10, 20, 40, "all"],
    "clf__C": [0.1, 1.0, 10.0],
    "clf__gamma": ["scale", 0.01],
}
cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
search = GridSearchCV(pipe, grid, scoring="average_precision", cv=cv, n_jobs=-1)
search.fit(X_dev, y_dev, groups=g_dev)
print("best params:", search.best_params_, "CV AP:", round(search.best_score_, 4))

oof = cross_val_predict(clone(search.best_estimator_), X_dev, y_dev, groups=g_dev, cv=cv, method="predict_proba")[:, 1]
candidates = np.quantile(oof, np.linspace(0.01, 0.99, 99))
ok = [t for t in candidates if recall_score(y_dev, oof >= t) >= 0.90]
threshold = float(max(ok))
print(f"threshold for >=90% OOF sensitivity: {threshold:.3f}")

test_prob = search.best_estimator_.predict_proba(X_test)[:, 1]
simple = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler()),
                   ("clf", LogisticRegression(max_iter=2000, class_weight="balanced"))]).fit(X_dev, y_dev)
prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)
report = {}
for name, prob in [("svm", test_prob), ("logreg", simple.predict_proba(X_test)[:, 1]),
                   ("prior", prior.predict_proba(X_test)[:, 1])]:
    report[name] = {"auroc": roc_auc_score(y_test, prob), "auprc": average_precision_score(y_test, prob)}
report["svm"]["sensitivity"] = recall_score(y_test, test_prob >= threshold)
report["svm"]["balanced_accuracy"] = balanced_accuracy_score(y_test, test_prob >= threshold)
print(json.dumps(report, indent=2))
with open("reports/abcd_holdout.json", "w") as f:
    json.dump(report, f, indent=2)

# Final model for the decision-support prototype: same hyper-parameters, refit on every labelled patient.
final_model = clone(search.best_estimator_).fit(X, y)
joblib.dump({"model": final_model, "threshold": threshold, "features": feature_cols}, "models/abcd_svm_final.joblib")
