"""UrbanSound8K: MFCC summary features + SVM, evaluated with the official folds.

Folds 1-9 are used for model selection (leave-one-fold-out, so slices of one
recording never end up on both sides), fold 10 is the untouched test fold.
"""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from sklearn.model_selection import GridSearchCV, LeaveOneGroupOut, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SEED = 5
np.random.seed(SEED)

meta = pd.read_csv("data/UrbanSound8K/metadata/UrbanSound8K.csv")
feats = pd.read_parquet("cache/us8k_mfcc_stats.parquet")
df = meta.merge(feats, on="slice_file_name", validate="one_to_one")
feature_cols = [c for c in feats.columns if c.startswith(("mfcc_", "dmfcc_", "contrast_"))]

dev = df[df["fold"] != 10]
test = df[df["fold"] == 10]
X_dev, y_dev, g_dev = dev[feature_cols].to_numpy(), dev["classID"].to_numpy(), dev["fold"].to_numpy()
X_test, y_test = test[feature_cols].to_numpy(), test["classID"].to_numpy()

pipe = Pipeline([
    ("scale", StandardScaler()),
    ("pca", PCA(n_components=0.99, svd_solver="full")),
    ("svm", SVC(kernel="rbf", class_weight="balanced", random_state=SEED)),
])
grid = {"svm__C": [1.0, 4.0, 16.0], "svm__gamma": ["scale", 0.005]}
logo = LeaveOneGroupOut()
search = GridSearchCV(pipe, grid, cv=logo, scoring="f1_macro", n_jobs=-1, refit=True)
search.fit(X_dev, y_dev, groups=g_dev)
print("best:", search.best_params_, f"leave-one-fold-out macro-F1 = {search.best_score_:.4f}")

baselines = {
    "majority": DummyClassifier(strategy="most_frequent"),
    "logreg": Pipeline([("scale", StandardScaler()),
                        ("lr", LogisticRegression(max_iter=5000, random_state=SEED))]),
}
report = {}
for name, est in baselines.items():
    cv_res = cross_validate(est, X_dev, y_dev, groups=g_dev, cv=logo, scoring="f1_macro")
    est.fit(X_dev, y_dev)
    pred = est.predict(X_test)
    report[name] = {
        "cv_macro_f1": float(cv_res["test_score"].mean()),
        "test_accuracy": accuracy_score(y_test, pred),
        "test_balanced_accuracy": balanced_accuracy_score(y_test, pred),
        "test_macro_f1": f1_score(y_test, pred, average="macro"),
    }

pred = search.predict(X_test)
report["svm"] = {
    "cv_macro_f1": float(search.best_score_),
    "test_accuracy": accuracy_score(y_test, pred),
    "test_balanced_accuracy": balanced_accuracy_score(y_test, pred),
    "test_macro_f1": f1_score(y_test, pred, average="macro"),
}
print(json.dumps(report, indent=2))
joblib.dump(search.best_estimator_, "us8k_svm.joblib")
