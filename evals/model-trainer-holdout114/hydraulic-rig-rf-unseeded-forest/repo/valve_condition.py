"""Valve condition classifier for the UCI 'Condition monitoring of hydraulic systems' data.

2205 load cycles of 60 s; 17 sensors sampled at 1-100 Hz. Target: valve condition
(100 = optimal switching, 90 = small lag, 80 = severe lag, 73 = close to total failure).
"""
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import permutation_importance
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split

DATA = Path(sys.argv[1] if len(sys.argv) > 1 else "data/hydraulic")
SENSORS = ["PS1", "PS2", "PS3", "PS4", "PS5", "PS6", "EPS1", "FS1", "FS2",
           "TS1", "TS2", "TS3", "TS4", "VS1", "CE", "CP", "SE"]
PROFILE_COLS = ["cooler_pct", "valve_pct", "pump_leakage", "accumulator_bar", "stable_flag"]


def cycle_features(name):
    raw = np.loadtxt(DATA / f"{name}.txt")          # (2205 cycles, samples per cycle)
    n = raw.shape[1]
    first, last = raw[:, : n // 6], raw[:, -n // 6:]
    return pd.DataFrame({
        f"{name}_mean": raw.mean(axis=1),
        f"{name}_std": raw.std(axis=1),
        f"{name}_min": raw.min(axis=1),
        f"{name}_max": raw.max(axis=1),
        f"{name}_p95": np.percentile(raw, 95, axis=1),
        f"{name}_start_end": last.mean(axis=1) - first.mean(axis=1),
    })


X = pd.concat([cycle_features(s) for s in SENSORS], axis=1)
profile = pd.read_csv(DATA / "profile.txt", sep="\t", header=None, names=PROFILE_COLS)

# only use cycles where the rig had reached a stable operating point
stable = profile["stable_flag"] == 0
X, y = X[stable].reset_index(drop=True), profile.loc[stable, "valve_pct"].reset_index(drop=True)
print(X.shape, y.value_counts().sort_index().to_dict())

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)

rf = RandomForestClassifier(n_estimators=500, max_features="sqrt", min_samples_leaf=2, n_jobs=-1)
rf.fit(X_train, y_train)

pred = rf.predict(X_test)
print(classification_report(y_test, pred, digits=3))
print(confusion_matrix(y_test, pred, labels=[100, 90, 80, 73]))
print(f"macro F1: {f1_score(y_test, pred, average='macro'):.4f}")

pi = permutation_importance(rf, X_test, y_test, n_repeats=10, random_state=0, n_jobs=-1)
top = pd.Series(pi.importances_mean, index=X.columns).sort_values(ascending=False).head(15)
print(top.round(4))
