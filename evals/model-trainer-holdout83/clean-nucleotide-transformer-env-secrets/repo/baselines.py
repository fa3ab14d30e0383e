"""Cheap sequence-composition baselines for the downstream classification tasks."""
from collections import Counter
from itertools import product

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

K = 3
VOCAB = ["".join(p) for p in product("ACGT", repeat=K)]


def kmer_profile(seq):
    seq = seq.upper()
    counts = Counter(seq[i:i + K] for i in range(len(seq) - K + 1))
    total = max(1, sum(counts.values()))
    return [counts.get(k, 0) / total for k in VOCAB]


def kmer_logreg(train_seqs, train_labels, seed):
    X = np.array([kmer_profile(s) for s in train_seqs])
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000, random_state=seed))
    return model.fit(X, train_labels)


def predict_kmer(model, seqs):
    return model.predict_proba(np.array([kmer_profile(s) for s in seqs]))[:, 1]
