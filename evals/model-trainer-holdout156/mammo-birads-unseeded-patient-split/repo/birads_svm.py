#!/usr/bin/env python
"""BI-RADS assessment category (0-6) from screening/diagnostic mammography report text.

Usage:
    python birads_svm.py --reports data/mammo_reports.csv --out models/birads_svm.joblib
"""
import argparse
import json
import re

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, cohen_kappa_score, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

# the assessment line itself gives the answer away; the model must learn it from findings text
ASSESSMENT_RE = re.compile(r"(bi-?rads|assessment|category)\s*[:\-]?\s*[0-6][abc]?\b.*", re.I)


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--test-size", type=float, default=0.2)
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=1234)
    return ap.parse_args()


def prepare(path):
    df = pd.read_csv(path, dtype={"patient_id": str, "accession": str})
    df = df.dropna(subset=["report_text", "birads"])
    df["birads"] = df["birads"].astype(int)
    df["text"] = df["report_text"].str.replace(ASSESSMENT_RE, " ", regex=True).str.lower()
    return df


def main():
    args = parse_args()
    df = prepare(args.reports)
    print(df["birads"].value_counts().sort_index().to_dict())

    splitter = GroupShuffleSplit(n_splits=1, test_size=args.test_size)
    train_idx, test_idx = next(splitter.split(df, groups=df["patient_id"]))
    train, test = df.iloc[train_idx], df.iloc[test_idx]

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.95, sublinear_tf=True)),
        ("svm", LinearSVC(C=args.C, class_weight="balanced", random_state=args.seed, max_iter=5000)),
    ])
    pipe.fit(train["text"], train["birads"])

    pred = pipe.predict(test["text"])
    report = classification_report(test["birads"], pred, digits=3, zero_division=0)
    metrics = {
        "macro_f1": f1_score(test["birads"], pred, average="macro"),
        "weighted_kappa": cohen_kappa_score(test["birads"], pred, weights="quadratic"),
        "n_train_patients": train["patient_id"].nunique(),
        "n_test_patients": test["patient_id"].nunique(),
    }
    print(report)
    print(json.dumps(metrics, indent=2))
    joblib.dump(pipe, args.out)


if __name__ == "__main__":
    main()
