"""Field-of-study classifier (S2 fos labels) on SPECTER2 embeddings + simple metadata.

usage: python train.py --papers data/s2_papers.parquet --emb data/specter2_proximity.npz
"""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, top_k_accuracy_score

from features import load_embeddings, metadata_block, standardize

TRAIN_YEARS = range(2015, 2021)
TEST_YEARS = range(2021, 2023)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", required=True)
    ap.add_argument("--emb", required=True)
    ap.add_argument("--C", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="models/fos_logreg.joblib")
    args = ap.parse_args()

    papers = pd.read_parquet(args.papers)
    papers = papers[papers["fos"].notna() & papers["year"].between(2015, 2022)].reset_index(drop=True)
    papers["abstract_len"] = papers["abstract"].fillna("").str.split().str.len()

    train = papers[papers["year"].isin(TRAIN_YEARS)].reset_index(drop=True)
    test = papers[papers["year"].isin(TEST_YEARS)].reset_index(drop=True)
    print(f"train {len(train):,}  test {len(test):,}  classes {train['fos'].nunique()}")

    emb_train = load_embeddings(args.emb, train["corpus_id"])
    emb_test = load_embeddings(args.emb, test["corpus_id"])

    X_train = np.hstack([standardize(emb_train), metadata_block(train)])
    X_test = np.hstack([standardize(emb_test), metadata_block(test)])
    y_train, y_test = train["fos"].to_numpy(), test["fos"].to_numpy()

    clf = LogisticRegression(C=args.C, max_iter=2000, n_jobs=-1, random_state=args.seed)
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)
    pred = clf.classes_[proba.argmax(axis=1)]
    metrics = {
        "macro_f1": f1_score(y_test, pred, average="macro"),
        "micro_f1": f1_score(y_test, pred, average="micro"),
        "top3_acc": top_k_accuracy_score(y_test, proba, k=3, labels=clf.classes_),
    }
    print(classification_report(y_test, pred, digits=3, zero_division=0))
    print(json.dumps(metrics, indent=2))
    joblib.dump(clf, args.out)


if __name__ == "__main__":
    main()
