"""Score the held-out pulse respondents with the saved preprocessor + model."""
import json

import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score

from preprocessing import feature_frame

prep = joblib.load("artifacts/preprocessor.joblib")
clf = joblib.load("artifacts/burnout_logreg.joblib")

test_df = pd.read_parquet("data/pulse_2023q4_test.parquet")
X_test = prep.fit_transform(feature_frame(test_df))
y_test = test_df["burnout_risk"].values

proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)

report = {
    "roc_auc": roc_auc_score(y_test, proba),
    "pr_auc": average_precision_score(y_test, proba),
    "n_test": int(len(y_test)),
    "prevalence": float(y_test.mean()),
}
print(classification_report(y_test, pred, target_names=["low", "at_risk"]))
print(json.dumps(report, indent=2))
json.dump(report, open("artifacts/test_metrics.json", "w"), indent=2)
