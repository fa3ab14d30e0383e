"""Fall-risk classifier from wearable gait sessions.

Each patient contributes several sessions, so every split is by patient: the held-out patients are chosen
with StratifiedGroupKFold and the tuning folds with GroupKFold. Feature selection lives inside the pipeline,
so it is refitted on the training folds only.
"""
import json

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, GroupKFold, StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 314

sessions = pd.read_csv("data/gait_sessions.csv")
patients = sessions["patient_id"]
label = sessions["fell_within_6m"]
signal_cols = [c for c in sessions.columns if c.startswith(("stride_", "cadence_", "sway_", "accel_", "gyro_"))]
features = sessions[signal_cols]

outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
dev_idx, test_idx = next(outer.split(features, label, groups=patients))
assert not set(patients.iloc[dev_idx]) & set(patients.iloc[test_idx])

pipeline = Pipeline([
    ("impute", SimpleImputer(strategy="median")),
    ("scale", StandardScaler()),
    ("select", SelectKBest(score_func=f_classif)),
    ("model", LogisticRegression(penalty="l2", max_iter=5000)),
])
search = GridSearchCV(
    pipeline,
    {"select__k": [10, 25, 50, "all"], "model__C": [0.01, 0.1, 1.0]},
    scoring="roc_auc",
    cv=GroupKFold(n_splits=5),
)
search.fit(features.iloc[dev_idx], label.iloc[dev_idx], groups=patients.iloc[dev_idx])
print("best", search.best_params_, "grouped-CV ROC AUC", round(search.best_score_, 4))

prior = DummyClassifier(strategy="prior").fit(features.iloc[dev_idx], label.iloc[dev_idx])
y_test = label.iloc[test_idx]
results = {"params": search.best_params_}
for name, est in [("selectk_logreg", search.best_estimator_), ("prior", prior)]:
    proba = est.predict_proba(features.iloc[test_idx])[:, 1]
    results[name] = {
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
        "brier": brier_score_loss(y_test, proba),
    }

# patient-level view: average the session probabilities of each held-out patient
per_patient = (
    pd.DataFrame({"patient": patients.iloc[test_idx].to_numpy(), "y": y_test.to_numpy(),
                  "p": search.best_estimator_.predict_proba(features.iloc[test_idx])[:, 1]})
    .groupby("patient").agg(y=("y", "max"), p=("p", "mean"))
)
results["patient_level_roc_auc"] = roc_auc_score(per_patient["y"], per_patient["p"])
print(json.dumps(results, indent=2, default=float))
