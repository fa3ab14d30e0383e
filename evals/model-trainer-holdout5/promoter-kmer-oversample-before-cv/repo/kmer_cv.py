"""Promoter vs. background classification from k-mer spectra.

Input: TSV with columns seq_id, sequence (300 bp upstream windows), is_promoter.
"""
import argparse
import itertools
import json

import numpy as np
import polars as pl
from imblearn.over_sampling import RandomOverSampler
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ALPHABET = "ACGT"


def kmer_index(k: int) -> dict[str, int]:
    return {"".join(p): i for i, p in enumerate(itertools.product(ALPHABET, repeat=k))}


def spectrum(seq: str, k: int, index: dict[str, int]) -> np.ndarray:
    v = np.zeros(len(index), dtype=np.float32)
    seq = seq.upper()
    for i in range(len(seq) - k + 1):
        j = index.get(seq[i:i + k])
        if j is not None:
            v[j] += 1.0
    total = v.sum()
    return v / total if total else v


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tsv", default="data/promoters_hg38_300bp.tsv")
    ap.add_argument("-k", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()

    table = (
        pl.read_csv(args.tsv, separator="\t")
        .filter(pl.col("sequence").str.len_chars() >= 200)
        .unique(subset="sequence")
    )
    print(table.group_by("is_promoter").len())

    idx = kmer_index(args.k)
    X = np.stack([spectrum(s, args.k, idx) for s in table["sequence"].to_list()])
    y = table["is_promoter"].to_numpy().astype(int)

    # promoters are ~1 in 9 windows; balance the classes before model selection
    ros = RandomOverSampler(random_state=args.seed)
    X_bal, y_bal = ros.fit_resample(X, y)

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    scoring = ["roc_auc", "average_precision", "balanced_accuracy", "f1"]
    models = {
        "majority": DummyClassifier(strategy="most_frequent"),
        "logreg_l2": make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=5000)),
    }
    summary = {}
    for name, est in models.items():
        res = cross_validate(est, X_bal, y_bal, cv=cv, scoring=scoring, n_jobs=-1)
        summary[name] = {m: float(np.mean(res[f"test_{m}"])) for m in scoring}
        print(name, json.dumps(summary[name]))

    with open(f"cv_k{args.k}.json", "w") as fh:
        json.dump(summary, fh, indent=2)


if __name__ == "__main__":
    main()
