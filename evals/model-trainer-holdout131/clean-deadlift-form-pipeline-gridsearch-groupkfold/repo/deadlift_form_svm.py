"""Deadlift form classifier on per-rep kinematics extracted from side-view video (MediaPipe).

reps.csv columns:
  lifter_id, session_id, rep_idx, label (good / rounded_back / hips_rise_early / bar_drift),
  hip_angle_start, hip_angle_min, knee_angle_start, trunk_flex_max, trunk_flex_delta,
  lumbar_curve_max, hip_rise_ratio, wrist_x_drift, lockout_hip_angle, rep_duration_s,
  ecc_con_ratio, peak_hip_vel
"""
import json

import numpy as np
import pandas as pd
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SEED = 8
FEATURES = [
    "hip_angle_start", "hip_angle_min", "knee_angle_start", "trunk_flex_max", "trunk_flex_delta",
    "lumbar_curve_max", "hip_rise_ratio", "wrist_x_drift", "lockout_hip_angle", "rep_duration_s",
    "ecc_con_ratio", "peak_hip_vel",
]

reps = pd.read_csv("data/deadlift/reps.csv")
reps = reps.dropna(subset=FEATURES)
# duration is heavily right-skewed (a few paused reps)
reps["rep_duration_s"] = np.log1p(reps["rep_duration_s"])
print(reps.groupby("label").lifter_id.nunique(), len(reps))

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
train_idx, test_idx = next(outer.split(reps, groups=reps["lifter_id"]))
train, test = reps.iloc[train_idx], reps.iloc[test_idx]
assert set(train.lifter_id).isdisjoint(test.lifter_id)

X_train, y_train = train[FEATURES].to_numpy(), train["label"].to_numpy()
X_test, y_test = test[FEATURES].to_numpy(), test["label"].to_numpy()

pipe = Pipeline([
    ("scale", StandardScaler()),
    ("svc", SVC(kernel="rbf", class_weight="balanced")),
])
grid = GridSearchCV(
    pipe,
    param_grid={"svc__C": [0.3, 1, 3, 10, 30], "svc__gamma": ["scale", 0.01, 0.03, 0.1]},
    cv=GroupKFold(n_splits=5),
    scoring="balanced_accuracy",
    n_jobs=-1,
)
grid.fit(X_train, y_train, groups=train["lifter_id"])
print("best params:", grid.best_params_, f"cv balanced acc {grid.best_score_:.3f}")

pred = grid.predict(X_test)
test_bacc = balanced_accuracy_score(y_test, pred)
print(classification_report(y_test, pred, digits=3))
print(f"held-out lifters balanced accuracy: {test_bacc:.3f}")

with open("deadlift_svm_results.json", "w") as f:
    json.dump({"best_params": grid.best_params_, "cv_bacc": grid.best_score_, "test_bacc": test_bacc,
               "n_test_lifters": int(test.lifter_id.nunique())}, f, indent=2, default=str)
