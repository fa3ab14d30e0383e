import argparse

import joblib
import numpy as np
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from windows import CAN, read_drives, windows

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/urban_highway_can_25hz.parquet")
p.add_argument("--seed", type=int, default=3)
p.add_argument("--C", type=float, default=2.0)
a = p.parse_args()

df = read_drives(a.data)
cols = CAN + ["abs_lane_offset", "log_ttc_lead"]
X, y, drives = windows(df, cols)
print(X.shape, "positive share", y.mean().round(3))

split = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=a.seed)
tr, te = next(split.split(X, y, drives))
assert not set(drives[tr]) & set(drives[te])

scaler = StandardScaler()
X_tr = scaler.fit_transform(X[tr])
X_te = scaler.transform(X[te])

svm = SVC(C=a.C, kernel="rbf", gamma="scale", class_weight="balanced", probability=True, random_state=a.seed)
svm.fit(X_tr, y[tr])

score = svm.predict_proba(X_te)[:, 1]
print("ROC-AUC %.4f  AP %.4f" % (roc_auc_score(y[te], score), average_precision_score(y[te], score)))
print(classification_report(y[te], svm.predict(X_te), digits=3))
joblib.dump({"scaler": scaler, "svm": svm, "cols": cols}, "lc_svm.joblib")
