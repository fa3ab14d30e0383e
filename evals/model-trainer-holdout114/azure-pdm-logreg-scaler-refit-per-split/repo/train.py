import argparse

import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score

from features import build_matrix, error_features, label_failures, read, telemetry_features

ap = argparse.ArgumentParser(description="24h-ahead failure model, time-based split")
ap.add_argument("--data-dir", default="data/azure_pdm")
ap.add_argument("--cutoff", default="2015-09-01")
ap.add_argument("--C", type=float, default=0.5)
args = ap.parse_args()

tel, err, fail, machines = read(args.data_dir)
feats = telemetry_features(tel)
hourly_grid = tel[["machineID", "datetime"]]
feats = feats.merge(error_features(err, hourly_grid), on=["machineID", "datetime"], how="left")
feats = feats.merge(machines, on="machineID", how="left")
feats = label_failures(feats, fail, horizon="24h")

feature_cols = [c for c in feats.columns if c.endswith(("_3h", "_24h"))]

cutoff = pd.Timestamp(args.cutoff)
# leave a horizon-sized gap so training labels never look past the cutoff
train = feats[feats["datetime"] < cutoff - pd.Timedelta("24h")]
test = feats[feats["datetime"] >= cutoff]
print(f"train {train.shape} pos={train.will_fail.mean():.4f} | test {test.shape} pos={test.will_fail.mean():.4f}")

X_train = build_matrix(train, feature_cols)
X_test = build_matrix(test, feature_cols).reindex(columns=X_train.columns, fill_value=0.0)

clf = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000)
clf.fit(X_train, train["will_fail"])

proba = clf.predict_proba(X_test)[:, 1]
print(f"ROC AUC {roc_auc_score(test['will_fail'], proba):.4f}")
print(f"PR AUC  {average_precision_score(test['will_fail'], proba):.4f}")
print(classification_report(test["will_fail"], (proba >= 0.5).astype(int), digits=3))

coef = pd.Series(clf.coef_[0], index=X_train.columns).sort_values()
print(coef.tail(10))
