import re

import pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import StandardScaler

URL_RE = re.compile(r"(https?://|www\.)\S+", re.I)
PHONE_RE = re.compile(r"\b0?\d{9,11}\b")
SHORTCODE_RE = re.compile(r"\b\d{5}\b")


def handcrafted(texts: pd.Series) -> pd.DataFrame:
    """Cheap surface features; spam tends to be long, shouty and full of numbers."""
    texts = texts.fillna("")
    return pd.DataFrame(
        {
            "n_chars": texts.str.len(),
            "n_words": texts.str.split().str.len(),
            "n_digits": texts.str.count(r"\d"),
            "upper_ratio": texts.map(lambda t: sum(c.isupper() for c in t) / max(len(t), 1)),
            "n_urls": texts.str.count(URL_RE),
            "n_phone": texts.str.count(PHONE_RE),
            "n_shortcode": texts.str.count(SHORTCODE_RE),
            "has_currency": texts.str.contains(r"[£$€]").astype(int),
            "n_exclaim": texts.str.count("!"),
        },
        index=texts.index,
    )


def text_features(train_txt, test_txt, **tfidf_kw):
    vec = TfidfVectorizer(**tfidf_kw)
    X_tr = vec.fit_transform(train_txt)
    X_te = vec.transform(test_txt)
    return X_tr, X_te, vec


def numeric_features(train_txt, test_txt):
    scaler = StandardScaler()
    X_tr = scaler.fit_transform(handcrafted(train_txt))
    X_te = scaler.fit_transform(handcrafted(test_txt))
    return X_tr, X_te, scaler


def build(train_txt, test_txt, tfidf_kw):
    T_tr, T_te, vec = text_features(train_txt, test_txt, **tfidf_kw)
    N_tr, N_te, scaler = numeric_features(train_txt, test_txt)
    X_tr = hstack([T_tr, csr_matrix(N_tr)]).tocsr()
    X_te = hstack([T_te, csr_matrix(N_te)]).tocsr()
    return X_tr, X_te, {"vectorizer": vec, "scaler": scaler}
