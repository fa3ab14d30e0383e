"""Feature building for the CPC-section model: TF-IDF -> SVD on the text fields plus bibliographic counts."""
import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer

NUMERIC_COLS = [
    "n_claims",
    "n_independent_claims",
    "n_inventors",
    "n_backward_citations",
    "n_npl_citations",
    "abstract_len",
    "first_claim_len",
]


def add_length_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["abstract_len"] = df["abstract"].fillna("").str.split().str.len()
    df["first_claim_len"] = df["first_claim"].fillna("").str.split().str.len()
    return df


class TextFeaturizer:
    def __init__(self, max_features: int, n_components: int, seed: int):
        self.tfidf = TfidfVectorizer(
            max_features=max_features,
            ngram_range=(1, 2),
            min_df=3,
            sublinear_tf=True,
            dtype=np.float32,
        )
        self.svd = TruncatedSVD(n_components=n_components, random_state=seed)

    @staticmethod
    def _join(df: pd.DataFrame, cols) -> pd.Series:
        return df[cols].fillna("").agg(" ".join, axis=1)

    def fit(self, df: pd.DataFrame, cols):
        tf = self.tfidf.fit_transform(self._join(df, cols))
        self.svd.fit(tf)
        return self

    def transform(self, df: pd.DataFrame, cols) -> np.ndarray:
        tf = self.tfidf.transform(self._join(df, cols))
        return self.svd.transform(tf)


def build_matrix(text_feats: np.ndarray, df: pd.DataFrame) -> np.ndarray:
    num = df[NUMERIC_COLS].to_numpy(dtype=np.float32)
    return np.hstack([text_feats.astype(np.float32), num])
