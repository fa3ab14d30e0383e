"""Lexical query-document features for the help-center article ranker."""
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize


class TextEncoder:
    def __init__(self, fields, **tfidf_kwargs):
        self.fields = fields
        self.vectorizer = TfidfVectorizer(lowercase=True, strip_accents="unicode", **tfidf_kwargs)

    def fit(self, texts):
        self.vectorizer.fit(texts)
        return self

    def transform(self, texts):
        return normalize(self.vectorizer.transform(texts))


def _corpus(frames, fields):
    parts = []
    for frame in frames:
        parts.append(frame["query"].astype(str))
        for field in fields:
            parts.append(frame[field].fillna("").astype(str))
    return pd.concat(parts, ignore_index=True).drop_duplicates()


def fit_text_encoder(frames, fields, max_features, ngram_range, min_df, sublinear_tf):
    encoder = TextEncoder(fields, max_features=max_features, ngram_range=tuple(ngram_range),
                          min_df=min_df, sublinear_tf=sublinear_tf)
    return encoder.fit(_corpus(frames, fields))


def cosine_rows(a, b):
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def build_features(df, encoder):
    q_vec = encoder.transform(df["query"].astype(str))
    feats = pd.DataFrame(index=df.index)
    for field in encoder.fields:
        f_vec = encoder.transform(df[field].fillna("").astype(str))
        feats[f"cos_query_{field}"] = cosine_rows(q_vec, f_vec)
        feats[f"len_{field}"] = df[field].fillna("").str.split().str.len()
    feats["query_len"] = df["query"].astype(str).str.split().str.len()
    feats["bm25_title"] = df["bm25_title"]
    feats["bm25_body"] = df["bm25_body"]
    feats["article_age_days"] = df["article_age_days"]
    feats["helpful_votes_log"] = np.log1p(df["helpful_votes"].clip(lower=0))
    return feats
