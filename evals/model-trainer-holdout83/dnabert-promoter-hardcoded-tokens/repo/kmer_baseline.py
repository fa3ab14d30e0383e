"""4-mer composition + logistic regression baseline for promoter classification."""
from itertools import product

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

KMERS = ["".join(p) for p in product("ACGT", repeat=4)]
INDEX = {k: i for i, k in enumerate(KMERS)}


def kmer_counts(seqs, k=4):
    out = np.zeros((len(seqs), len(KMERS)), dtype=np.float32)
    for row, s in enumerate(seqs):
        s = s.upper()
        for i in range(len(s) - k + 1):
            j = INDEX.get(s[i:i + k])
            if j is not None:
                out[row, j] += 1
        out[row] /= max(1, len(s) - k + 1)
    return out


def fit_baseline(train_seqs, train_labels, seed):
    clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=3000, random_state=seed))
    return clf.fit(kmer_counts(train_seqs), train_labels)
