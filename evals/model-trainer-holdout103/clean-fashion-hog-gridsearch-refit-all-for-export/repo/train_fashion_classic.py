"""Fashion-MNIST with HOG + classical models, for the edge device that cannot run a CNN.

Model selection uses stratified 5-fold CV on the training part only; the held-out test score is
reported once; the chosen pipeline is then refit on all labelled images for the exported artefact.
"""
import json

import joblib
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.base import clone
from sklearn.datasets import fetch_openml
from sklearn.decomposition import PCA
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from features import HOGFeatures

SEED = 7

X, y = fetch_openml("Fashion-MNIST", version=1, as_frame=False, return_X_y=True, parser="auto")
y = y.astype(int)
X, _, y, _ = train_test_split(X, y, train_size=21000, stratify=y, random_state=SEED)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
candidates = {
    "svc": (
        Pipeline([("hog", HOGFeatures()), ("scale", StandardScaler()),
                  ("pca", PCA(random_state=SEED)), ("clf", SVC())]),
        {"pca__n_components": [64, 128], "clf__C": [3, 10], "clf__gamma": ["scale"]},
    ),
    "lgbm": (
        Pipeline([("hog", HOGFeatures()), ("clf", LGBMClassifier(random_state=SEED, verbose=-1))]),
        {"clf__n_estimators": [300, 600], "clf__num_leaves": [31, 63], "clf__learning_rate": [0.05]},
    ),
}

searches = {}
for name, (pipe, grid) in candidates.items():
    gs = GridSearchCV(pipe, grid, cv=cv, scoring="f1_macro", n_jobs=-1)
    gs.fit(X_train, y_train)
    searches[name] = gs
    print(f"{name}: CV macro-F1 {gs.best_score_:.4f}  {gs.best_params_}")

best_name = max(searches, key=lambda k: searches[k].best_score_)
best_model = searches[best_name].best_estimator_

dummy = DummyClassifier(strategy="stratified", random_state=SEED).fit(X_train, y_train)
rows = []
for label, model in [("dummy", dummy), (best_name, best_model)]:
    pred = model.predict(X_test)
    rows.append({"model": label, "accuracy": accuracy_score(y_test, pred),
                 "macro_f1": f1_score(y_test, pred, average="macro")})
report = pd.DataFrame(rows)
print(report.to_string(index=False))
print(classification_report(y_test, best_model.predict(X_test), digits=4))

final_model = clone(best_model).fit(np.vstack([X_train, X_test]), np.concatenate([y_train, y_test]))
joblib.dump(final_model, f"fashion_{best_name}_all_data.joblib")
with open("holdout_report.json", "w") as f:
    json.dump({"selected": best_name, "cv_macro_f1": searches[best_name].best_score_,
               "holdout": rows}, f, indent=2)
