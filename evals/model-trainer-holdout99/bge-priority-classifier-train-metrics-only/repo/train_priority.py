"""Predict ticket priority (P1-P4) from subject + body embeddings.

Output model is consumed by the triage bot; see ops/triage/README for the serving side.
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, balanced_accuracy_score

from embed import encode

SEED = 8
PRIORITIES = ["P1", "P2", "P3", "P4"]


def build_text(df: pd.DataFrame) -> list:
    subject = df["subject"].fillna("").str.strip()
    body = df["body"].fillna("").str.slice(0, 2000)
    return ("Subject: " + subject + "\n" + body).tolist()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tickets", default="data/tickets_with_priority.csv")
    ap.add_argument("--cache", default="cache/bge_small_tickets.npy")
    ap.add_argument("--out", default="models/priority_logreg.joblib")
    args = ap.parse_args()
    np.random.seed(SEED)

    df = pd.read_csv(args.tickets)
    df = df[df["priority"].isin(PRIORITIES)].reset_index(drop=True)
    print(df["priority"].value_counts())

    cache = Path(args.cache)
    if cache.exists():
        X = np.load(cache)
    else:
        X = encode(build_text(df))
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache, X)
    y = df["priority"].map({p: i for i, p in enumerate(PRIORITIES)}).values

    baseline = DummyClassifier(strategy="most_frequent").fit(X, y)
    clf = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced", random_state=SEED)
    clf.fit(X, y)

    pred = clf.predict(X)
    metrics = {
        "macro_f1": float(f1_score(y, pred, average="macro")),
        "balanced_accuracy": float(balanced_accuracy_score(y, pred)),
        "baseline_macro_f1": float(f1_score(y, baseline.predict(X), average="macro")),
    }
    print(classification_report(y, pred, target_names=PRIORITIES, digits=3))
    print(json.dumps(metrics, indent=2))

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": clf, "encoder": "BAAI/bge-small-en-v1.5", "labels": PRIORITIES}, args.out)
    Path(args.out).with_suffix(".metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
