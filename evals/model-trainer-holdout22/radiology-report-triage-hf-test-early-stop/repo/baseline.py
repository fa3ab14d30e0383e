"""TF-IDF + logistic regression baseline for urgent / routine radiology report triage."""
import json

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.pipeline import make_pipeline

train = pd.read_csv("data/reports_train.csv")
test = pd.read_csv("data/reports_test.csv")

clf = make_pipeline(
    TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True),
    LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced"),
)
clf.fit(train["text"], train["urgent"])
proba = clf.predict_proba(test["text"])[:, 1]
report = classification_report(test["urgent"], proba >= 0.5, output_dict=True)
report["roc_auc"] = roc_auc_score(test["urgent"], proba)
with open("results/baseline.json", "w") as fh:
    json.dump(report, fh, indent=2)
print(json.dumps({k: report[k] for k in ["macro avg", "roc_auc"]}, indent=2))
