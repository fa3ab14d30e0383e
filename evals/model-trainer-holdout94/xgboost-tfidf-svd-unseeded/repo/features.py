"""Text features for the news-desk topic model: TF-IDF -> truncated SVD + a few counts."""
import re

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer

DIGITS = re.compile(r"\d")
QUOTE = re.compile(r"[\"“”]")


def surface_features(texts: pd.Series) -> np.ndarray:
    return np.column_stack([
        texts.str.len().to_numpy(),
        texts.str.split().str.len().to_numpy(),
        texts.map(lambda t: len(DIGITS.findall(t))).to_numpy(),
        texts.map(lambda t: len(QUOTE.findall(t))).to_numpy(),
    ]).astype(np.float32)


class TextFeaturizer:
    def __init__(self, n_components: int = 300):
        self.tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.8, sublinear_tf=True,
                                     stop_words="english")
        self.svd = TruncatedSVD(n_components=n_components)

    def fit(self, texts: pd.Series):
        self.svd.fit(self.tfidf.fit_transform(texts))
        return self

    def transform(self, texts: pd.Series):
        dense = self.svd.transform(self.tfidf.transform(texts))
        return np.hstack([dense, surface_features(texts)])

    def transform_sparse(self, texts: pd.Series):
        return sparse.csr_matrix(self.tfidf.transform(texts))
