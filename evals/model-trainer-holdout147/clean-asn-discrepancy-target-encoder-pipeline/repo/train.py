"""
ASN line discrepancy model: P(receiving finds over/short/damage vs. the advance ship notice).
Lines from the same PO share a trailer and a supplier pick, so CV folds are grouped by PO.
"""
import json
import sys

import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, GroupKFold

from pipeline import build

params = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "params.json"))

lines = pd.read_csv(params["data_path"], parse_dates=["received_at"])
lines["discrepancy"] = (lines["receipt_status"] != "MATCHED").astype(int)
feature_cols = params["high_card_cols"] + params["low_card_cols"] + params["numeric_cols"]
for c in params["high_card_cols"] + params["low_card_cols"]:
    lines[c] = lines[c].fillna("UNK").astype(str)

train = lines[lines["received_at"] < params["test_from"]]
test = lines[lines["received_at"] >= params["test_from"]]
print(f"train {len(train):,} lines / {train['po_number'].nunique():,} POs | test {len(test):,} lines")

search = GridSearchCV(
    build(params),
    param_grid=params["grid"],
    cv=GroupKFold(n_splits=params["n_cv_folds"]),
    scoring="average_precision",
    n_jobs=-1,
    refit=True,
)
search.fit(train[feature_cols], train["discrepancy"], groups=train["po_number"])
print("best params:", search.best_params_, "| CV PR AUC:", round(search.best_score_, 4))

proba = search.predict_proba(test[feature_cols])[:, 1]
report = {
    "best_params": search.best_params_,
    "cv_pr_auc": search.best_score_,
    "test_pr_auc": average_precision_score(test["discrepancy"], proba),
    "test_roc_auc": roc_auc_score(test["discrepancy"], proba),
    "test_base_rate": float(test["discrepancy"].mean()),
}
print(json.dumps(report, indent=2))
json.dump(report, open("asn_discrepancy_report.json", "w"), indent=2)
