#!/usr/bin/env python
"""Out-of-core clause-type classifier for the EDGAR exhibit clause bank (~9M clauses).

Clauses are streamed from sharded parquet files. Split is by filing: crc32(accession_no) % 20
== 0 -> test, == 1 -> dev, otherwise train, so it is stable across runs and shards.
"""
import argparse
import copy
import glob
import re
import zlib

import numpy as np
import pandas as pd
from scipy.sparse import vstack
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score

LABELS = ["indemnification", "limitation_of_liability", "governing_law", "termination", "confidentiality",
          "assignment", "notices", "severability", "entire_agreement", "force_majeure", "other"]

_num = re.compile(r"\b\d+(?:[.,]\d+)*\b")
_ws = re.compile(r"\s+")


def normalise(texts: pd.Series) -> pd.Series:
    return texts.str.lower().str.replace(_num, " 0 ", regex=True).str.replace(_ws, " ", regex=True)


def bucket(accession: pd.Series) -> np.ndarray:
    return accession.map(lambda a: zlib.crc32(a.encode()) % 20).to_numpy()


def iter_shards(pattern, cols=("accession_no", "clause_text", "clause_type")):
    for path in sorted(glob.glob(pattern)):
        df = pd.read_parquet(path, columns=list(cols))
        df["clause_text"] = normalise(df["clause_text"])
        df["clause_type"] = df["clause_type"].where(df["clause_type"].isin(LABELS), "other")
        yield df.assign(bucket=bucket(df["accession_no"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shards", default="data/clause_bank/part-*.parquet")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--alpha", type=float, default=1e-6)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()

    vec = HashingVectorizer(n_features=2 ** 22, ngram_range=(1, 2), alternate_sign=False, norm="l2")
    clf = SGDClassifier(loss="modified_huber", alpha=args.alpha, random_state=args.seed)
    rng = np.random.default_rng(args.seed)

    dev_X, dev_y = [], []
    for df in iter_shards(args.shards):
        d = df[df.bucket == 1]
        dev_X.append(vec.transform(d.clause_text))
        dev_y.append(d.clause_type.to_numpy())
    dev_X, dev_y = vstack(dev_X), np.concatenate(dev_y)

    best_f1, best_clf = -1.0, None
    for epoch in range(args.epochs):
        for df in iter_shards(args.shards):
            tr = df[df.bucket >= 2].sample(frac=1.0, random_state=int(rng.integers(1 << 31)))
            for start in range(0, len(tr), 50_000):
                part = tr.iloc[start:start + 50_000]
                clf.partial_fit(vec.transform(part.clause_text), part.clause_type, classes=LABELS)
        dev_f1 = f1_score(dev_y, clf.predict(dev_X), average="macro")
        print(f"epoch {epoch}: dev macro-F1 {dev_f1:.4f}")
        if dev_f1 > best_f1:
            best_f1, best_clf = dev_f1, copy.deepcopy(clf)

    y_true, y_pred = [], []
    for df in iter_shards(args.shards):
        te = df[df.bucket == 0]
        y_true.append(te.clause_type.to_numpy())
        y_pred.append(best_clf.predict(vec.transform(te.clause_text)))
    y_true, y_pred = np.concatenate(y_true), np.concatenate(y_pred)
    print(f"best dev macro-F1 {best_f1:.4f}")
    print(classification_report(y_true, y_pred, labels=LABELS, digits=3, zero_division=0))


if __name__ == "__main__":
    main()
