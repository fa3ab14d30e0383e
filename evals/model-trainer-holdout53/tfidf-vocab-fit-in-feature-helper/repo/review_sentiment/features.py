"""Text feature construction for the product review sentiment model."""
import re

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

URL_RE = re.compile(r"https?://\S+")
HTML_RE = re.compile(r"<[^>]+>")
WS_RE = re.compile(r"\s+")


def normalise(text: str) -> str:
    text = HTML_RE.sub(" ", text or "")
    text = URL_RE.sub(" URL ", text)
    return WS_RE.sub(" ", text).strip().lower()


def build_vectorizer(cfg: dict) -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=tuple(cfg["ngram_range"]),
        min_df=cfg["min_df"],
        max_features=cfg["max_features"],
        sublinear_tf=True,
        strip_accents="unicode",
    )


def length_features(cleaned):
    n_tokens = np.array([len(t.split()) for t in cleaned], dtype=np.float32)
    n_excl = np.array([t.count("!") for t in cleaned], dtype=np.float32)
    return np.log1p(np.column_stack([n_tokens, n_excl]))


def build_features(texts, cfg):
    """Return (feature matrix, fitted vectorizer) for raw review texts."""
    cleaned = [normalise(t) for t in texts]
    vectorizer = build_vectorizer(cfg)
    X_word = vectorizer.fit_transform(cleaned)
    X_len = sparse.csr_matrix(length_features(cleaned))
    return sparse.hstack([X_word, X_len]).tocsr(), vectorizer
