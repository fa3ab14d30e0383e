"""Query-document text similarity features for the FAQ ranker."""
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize


def _row_cosine(a, b):
    return np.asarray(normalize(a).multiply(normalize(b)).sum(axis=1)).ravel()


def char_hash_similarity(df, n_features, ngram_range):
    """Character n-gram cosine; HashingVectorizer keeps no vocabulary or corpus statistics."""
    hv = HashingVectorizer(analyzer="char_wb", ngram_range=tuple(ngram_range),
                           n_features=n_features, alternate_sign=False, norm=None)
    q = hv.transform(df["query"].str.lower())
    out = pd.DataFrame(index=df.index)
    out["char_cos_question"] = _row_cosine(q, hv.transform(df["faq_question"].str.lower()))
    out["char_cos_answer"] = _row_cosine(q, hv.transform(df["faq_answer"].str.lower()))
    return out


class TfidfSimilarity:
    def __init__(self, **kwargs):
        self.vec = TfidfVectorizer(**kwargs)

    def fit(self, frame):
        docs = pd.concat([frame["faq_question"], frame["faq_answer"]]).drop_duplicates()
        self.vec.fit(docs)
        return self

    def transform(self, frame):
        q = self.vec.transform(frame["query"])
        out = pd.DataFrame(index=frame.index)
        out["tfidf_cos_question"] = _row_cosine(q, self.vec.transform(frame["faq_question"]))
        out["tfidf_cos_answer"] = _row_cosine(q, self.vec.transform(frame["faq_answer"]))
        return out
