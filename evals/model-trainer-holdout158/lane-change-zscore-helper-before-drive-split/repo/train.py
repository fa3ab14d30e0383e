import argparse
import json

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from features import load_logs, make_windows, zscore

parser = argparse.ArgumentParser()
parser.add_argument("--logs", default="data/highway_can_10hz.parquet")
parser.add_argument("--C", type=float, default=0.5)
parser.add_argument("--seed", type=int, default=13)
parser.add_argument("--out", default="results/lane_change_logreg.json")
args = parser.parse_args()

df = load_logs(args.logs)
X, y, drive_ids = make_windows(df)
print(f"{len(X)} windows / {len(np.unique(drive_ids))} drives, positives {y.mean():.3f}")

X = zscore(X)

# whole drives on one side, overlapping windows must not straddle the split
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
train_idx, test_idx = next(gss.split(X, y, groups=drive_ids))
X_train, y_train = X[train_idx], y[train_idx]
X_test, y_test = X[test_idx], y[test_idx]

clf = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000, random_state=args.seed)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
metrics = {
    "roc_auc": roc_auc_score(y_test, proba),
    "avg_precision": average_precision_score(y_test, proba),
    "n_test_drives": int(len(np.unique(drive_ids[test_idx]))),
}
print(classification_report(y_test, (proba > 0.5).astype(int), digits=3))
print(metrics)

with open(args.out, "w") as f:
    json.dump(metrics, f, indent=2)
