"""Phishing-email classifier with an operating threshold for the quarantine queue.

Security wants <= 2% of quarantined mail to be legitimate, i.e. precision >= 0.98.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, precision_recall_curve, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import FeatureUnion, make_pipeline

SEED = 52
TARGET_PRECISION = 0.98
OUT = Path("artifacts/phishing")


def build_model():
    features = FeatureUnion([
        ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=5,
                                 max_features=200_000, sublinear_tf=True)),
    ])
    return make_pipeline(features, LogisticRegression(C=4.0, max_iter=4000, class_weight="balanced"))


def pick_threshold(y_true, scores, target_precision):
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    ok = np.flatnonzero(precision[:-1] >= target_precision)
    if ok.size == 0:
        raise ValueError("target precision not reachable")
    best = ok[np.argmax(recall[ok])]
    return float(thresholds[best]), float(precision[best]), float(recall[best])


emails = pd.read_parquet("data/reported_emails.parquet", columns=["subject", "body", "is_phish"])
emails = emails.fillna({"subject": "", "body": ""})
emails["text"] = emails["subject"] + "\n" + emails["body"]
emails = emails.drop_duplicates("text").reset_index(drop=True)

X_train, X_test, y_train, y_test = train_test_split(
    emails["text"], emails["is_phish"], test_size=0.2, stratify=emails["is_phish"], random_state=SEED
)

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
oof = cross_val_predict(build_model(), X_train, y_train, cv=cv, method="predict_proba", n_jobs=-1)[:, 1]
threshold, oof_precision, oof_recall = pick_threshold(y_train, oof, TARGET_PRECISION)
print(f"threshold {threshold:.4f} (OOF precision {oof_precision:.4f}, recall {oof_recall:.4f})")

model = build_model().fit(X_train, y_train)
prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
scores = model.predict_proba(X_test)[:, 1]
flagged = (scores >= threshold).astype(int)

report = {
    "threshold": threshold,
    "test_roc_auc": roc_auc_score(y_test, scores),
    "test_pr_auc": average_precision_score(y_test, scores),
    "prior_pr_auc": average_precision_score(y_test, prior.predict_proba(X_test)[:, 1]),
    "test_precision_at_threshold": precision_score(y_test, flagged),
    "test_recall_at_threshold": recall_score(y_test, flagged),
}
print(json.dumps(report, indent=2))

OUT.mkdir(parents=True, exist_ok=True)
joblib.dump({"model": model, "threshold": threshold}, OUT / "phishing_clf.joblib")
(OUT / "report.json").write_text(json.dumps(report, indent=2))
