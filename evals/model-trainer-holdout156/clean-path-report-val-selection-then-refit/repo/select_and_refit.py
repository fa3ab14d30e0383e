"""Breast pathology report triage: benign / atypia / malignant.

Model family and hyper-parameters are picked on a patient-disjoint validation split, the winner is refit on
train+val, and the untouched test split is scored once.
"""
import argparse
import itertools
import json

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

LABELS = ["benign", "atypia", "malignant"]


def build(model_name, ngram_max, c_or_alpha, seed):
    if model_name == "lr":
        est = LogisticRegression(C=c_or_alpha, max_iter=4000, class_weight="balanced")
    elif model_name == "svm":
        est = LinearSVC(C=c_or_alpha, class_weight="balanced", random_state=seed)
    else:
        est = ComplementNB(alpha=c_or_alpha)
    return Pipeline([("tfidf", TfidfVectorizer(ngram_range=(1, ngram_max), min_df=2, sublinear_tf=True)),
                     ("clf", est)])


def split(df, frac, seed):
    g = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(g.split(df, groups=df["patient_id"]))
    return df.iloc[a], df.iloc[b]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/breast_path_reports.csv")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", default="models/breast_path_triage.joblib")
    args = ap.parse_args()

    df = pd.read_csv(args.data)
    df = df[df["category"].isin(LABELS)]
    df["text"] = (df["final_diagnosis"].fillna("") + " " + df["microscopic"].fillna("")).str.lower()

    dev, test = split(df, 0.2, args.seed)
    train, val = split(dev, 0.2, args.seed)

    grid = list(itertools.product(["lr", "svm"], [1, 2], [0.5, 2.0, 8.0])) + \
        list(itertools.product(["cnb"], [1, 2], [0.1, 0.3, 1.0]))
    results = []
    for name, ng, c in grid:
        pipe = build(name, ng, c, args.seed).fit(train["text"], train["category"])
        score = f1_score(val["category"], pipe.predict(val["text"]), average="macro")
        results.append({"model": name, "ngram_max": ng, "param": c, "val_macro_f1": score})
        print(f"{name:4s} ngram<= {ng}  param={c:<4}  val macro-F1 {score:.4f}")

    best = max(results, key=lambda r: r["val_macro_f1"])
    print("selected:", best)

    final = build(best["model"], best["ngram_max"], best["param"], args.seed)
    final.fit(dev["text"], dev["category"])

    pred = final.predict(test["text"])
    print(classification_report(test["category"], pred, labels=LABELS, digits=3))
    summary = {"selected": best, "test_macro_f1": f1_score(test["category"], pred, average="macro")}
    json.dump(summary, open(args.out.replace(".joblib", "_summary.json"), "w"), indent=2)
    joblib.dump(final, args.out)


if __name__ == "__main__":
    main()
