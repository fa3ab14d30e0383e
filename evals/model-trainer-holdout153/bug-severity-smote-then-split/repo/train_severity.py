"""Severe vs. non-severe classification of Mozilla Firefox bug reports.

Severe = blocker/critical/major, non-severe = minor/trivial (normal is excluded, following
Lamkanfi et al.). Summaries are hashed so the feature space does not depend on the corpus.
"""
import argparse
import json
import re

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEVERE = {"blocker", "critical", "major"}
NON_SEVERE = {"minor", "trivial"}


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/firefox_bugs_2010_2020.csv")
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--test-size", type=float, default=0.2)
    p.add_argument("--alpha", type=float, default=1e-5)
    p.add_argument("--out", default="results/severity_sgd.json")
    return p.parse_args()


def load(path):
    df = pd.read_csv(path, usecols=["bug_id", "product", "component", "severity", "summary"])
    df = df[df["severity"].isin(SEVERE | NON_SEVERE)].copy()
    df["label"] = df["severity"].isin(SEVERE).astype(int)
    df["text"] = (
        df["summary"].fillna("").str.lower().map(lambda s: re.sub(r"[^a-z0-9 ]+", " ", s))
        + " comp_" + df["component"].str.lower().str.replace(r"\W+", "_", regex=True)
    )
    return df


def main():
    args = parse_args()
    df = load(args.data)
    print(df["label"].value_counts().to_dict())

    vec = HashingVectorizer(n_features=2**18, ngram_range=(1, 2), alternate_sign=False,
                            norm="l2")
    X = vec.transform(df["text"])
    y = df["label"].to_numpy()

    # severe reports are ~4x more common than minor/trivial ones
    X_bal, y_bal = SMOTE(k_neighbors=5, random_state=args.seed).fit_resample(X, y)

    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=args.test_size, stratify=y_bal, random_state=args.seed
    )

    clf = SGDClassifier(loss="log_loss", alpha=args.alpha, max_iter=50, tol=1e-4,
                        random_state=args.seed)
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    res = {
        "f1_severe": f1_score(y_test, pred),
        "f1_macro": f1_score(y_test, pred, average="macro"),
        "auc": roc_auc_score(y_test, proba),
    }
    print(classification_report(y_test, pred, target_names=["non-severe", "severe"]))
    print(res)
    with open(args.out, "w") as fh:
        json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
