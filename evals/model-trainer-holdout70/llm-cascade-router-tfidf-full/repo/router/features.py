"""Text features for the small-vs-large model cascade router."""
import re

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

CODE_RE = re.compile(r"```|def |class |SELECT |import ")
MATH_RE = re.compile(r"[=+\-*/^]\s*\d|\\frac|\\sum|integral|derivative", re.IGNORECASE)


def surface_features(texts):
    rows = []
    for t in texts:
        words = t.split()
        rows.append([
            len(t),
            len(words),
            np.mean([len(w) for w in words]) if words else 0.0,
            t.count("?"),
            t.count("\n"),
            int(bool(CODE_RE.search(t))),
            int(bool(MATH_RE.search(t))),
        ])
    return np.asarray(rows, dtype=np.float32)


def build_features(texts, max_features=20000):
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True,
                                 max_features=max_features)
    tfidf = vectorizer.fit_transform(texts)
    dense = sp.csr_matrix(surface_features(texts))
    return sp.hstack([tfidf, dense]).tocsr(), vectorizer
