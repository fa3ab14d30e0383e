#!/usr/bin/env python
"""Potentially-unfair clause detection in online Terms of Service.

Sentence-level data (Lippi et al. CLAUDETTE style): 50 ToS documents, each sentence tagged
fair / potentially unfair. Cross-validated by company so a provider's boilerplate never
appears in both train and validation folds.
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.feature_selection import SelectKBest, chi2
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_validate


def load(path):
    df = pd.read_csv(path)  # company, sentence_idx, sentence, unfair (0/1), category
    df = df.dropna(subset=["sentence"])
    df["sentence"] = (df["sentence"].str.lower()
                      .str.replace(r"https?://\S+", " url ", regex=True)
                      .str.replace(r"\s+", " ", regex=True))
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/tos_sentences.csv")
    ap.add_argument("--k", type=int, default=3000)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=1.0)
    args = ap.parse_args()

    df = load(args.data)
    y = df["unfair"].to_numpy()
    groups = df["company"].to_numpy()
    print(f"{len(df)} sentences from {df.company.nunique()} ToS, unfair rate {y.mean():.3f}")

    hasher = HashingVectorizer(ngram_range=(1, 3), n_features=2 ** 20, alternate_sign=False,
                               norm="l2", token_pattern=r"(?u)\b\w+\b")
    X = hasher.transform(df["sentence"])

    selector = SelectKBest(chi2, k=args.k)
    X_sel = selector.fit_transform(X, y)
    print("kept", X_sel.shape[1], "n-gram buckets")

    clf = LogisticRegression(C=args.C, class_weight="balanced", solver="liblinear", random_state=0)
    cv = GroupKFold(n_splits=args.folds)
    res = cross_validate(clf, X_sel, y, groups=groups, cv=cv,
                         scoring=["f1", "precision", "recall", "roc_auc"], return_train_score=False)

    summary = {m: (float(np.mean(res[f"test_{m}"])), float(np.std(res[f"test_{m}"])))
               for m in ["f1", "precision", "recall", "roc_auc"]}
    for m, (mu, sd) in summary.items():
        print(f"{m:>9}: {mu:.3f} +/- {sd:.3f}")
    with open("cv_results.json", "w") as fh:
        json.dump({"k": args.k, "C": args.C, "folds": args.folds, "cv": summary}, fh, indent=2)


if __name__ == "__main__":
    main()
