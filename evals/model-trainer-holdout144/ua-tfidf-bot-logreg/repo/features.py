"""Feature matrix for the user-agent + behaviour bot model."""
import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

BEHAVIOUR_COLS = [
    "requests",
    "unique_paths",
    "median_gap_ms",
    "pct_static",
    "pct_api",
    "pct_4xx",
    "cookies_accepted",
    "js_executed",
]

# char n-grams catch things like "HeadlessChrome", "python-requests", odd version strings
_ua_hasher = HashingVectorizer(
    analyzer="char_wb",
    ngram_range=(3, 5),
    n_features=2**18,
    alternate_sign=False,
    norm=None,
    lowercase=True,
)


def normalise_ua(ua: pd.Series) -> pd.Series:
    return ua.fillna("").str.replace(r"\d+", "0", regex=True)


def build_matrix(df: pd.DataFrame):
    counts = _ua_hasher.transform(normalise_ua(df["user_agent"]))
    ua_tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    behaviour = np.log1p(df[BEHAVIOUR_COLS].fillna(0).clip(lower=0).to_numpy(dtype=float))
    return sparse.hstack([ua_tfidf, sparse.csr_matrix(behaviour)]).tocsr()
