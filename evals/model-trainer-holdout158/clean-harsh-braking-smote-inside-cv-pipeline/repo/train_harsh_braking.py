"""Harsh-braking event classifier for the fleet safety score.

SMOTE lives inside the imblearn pipeline so it only ever sees the training folds.
"""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from lightgbm import LGBMClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.preprocessing import StandardScaler

SEED = 99
FEATURES = [
    "speed_kph", "decel_peak_mps2", "jerk_min", "brake_duration_s", "throttle_release_s",
    "lead_gap_m", "lead_closing_speed_mps", "ttc_min_s", "road_class_code", "is_urban", "precip_mm_h",
]
TARGET = "harsh"

events = pd.read_parquet("data/fleet_brake_events.parquet")
events = events.dropna(subset=["lead_gap_m", "ttc_min_s"])

# hold out 20% of drivers entirely
drivers = events["driver_id"].unique()
rng = np.random.default_rng(SEED)
test_drivers = rng.choice(drivers, size=int(0.2 * len(drivers)), replace=False)
is_test = events["driver_id"].isin(test_drivers)
train, test = events[~is_test], events[is_test]


def make_pipe(ratio):
    return Pipeline([
        ("scale", StandardScaler()),
        ("smote", SMOTE(sampling_strategy=ratio, k_neighbors=5, random_state=SEED)),
        ("gbm", LGBMClassifier(n_estimators=500, learning_rate=0.05, num_leaves=31,
                               colsample_bytree=0.8, random_state=SEED, verbose=-1)),
    ])


cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
cv_ap = {}
for ratio in (0.2, 0.35, 0.5):
    res = cross_validate(make_pipe(ratio), train[FEATURES], train[TARGET], groups=train["driver_id"],
                         cv=cv, scoring="average_precision", n_jobs=-1)
    cv_ap[ratio] = res["test_score"].mean()
    print(f"SMOTE ratio {ratio}: CV AP {cv_ap[ratio]:.4f} +/- {res['test_score'].std():.4f}")

best_ratio = max(cv_ap, key=cv_ap.get)
model = make_pipe(best_ratio).fit(train[FEATURES], train[TARGET])

proba = model.predict_proba(test[FEATURES])[:, 1]
print(f"held-out drivers: {len(test_drivers)} | ROC-AUC {roc_auc_score(test[TARGET], proba):.4f} "
      f"| AP {average_precision_score(test[TARGET], proba):.4f}")
print(classification_report(test[TARGET], model.predict(test[FEATURES]), digits=3))
