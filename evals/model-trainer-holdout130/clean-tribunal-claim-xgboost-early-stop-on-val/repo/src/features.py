import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import OneHotEncoder


def basic_columns(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["log_claim_amount"] = np.log1p(df["claim_amount_gbp"].fillna(0))
    df["n_jurisdictions"] = df["jurisdiction_codes"].str.split(",").str.len()
    df["jurisdiction_code"] = df["jurisdiction_codes"].str.split(",").str[0]
    return df


class CaseFeaturizer:
    """TF-IDF -> SVD on the claim summary, one-hot categoricals, raw numerics (trees)."""

    def __init__(self, cfg):
        self.cfg = cfg
        self.tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=5, sublinear_tf=True, stop_words="english")
        self.svd = TruncatedSVD(n_components=cfg["svd_dims"], random_state=cfg["seed"])
        self.ohe = OneHotEncoder(handle_unknown="ignore", min_frequency=20)

    def fit(self, df):
        self.svd.fit(self.tfidf.fit_transform(df[self.cfg["text_col"]]))
        self.ohe.fit(df[self.cfg["cat_cols"]].astype(str))
        return self

    def transform(self, df):
        txt = self.svd.transform(self.tfidf.transform(df[self.cfg["text_col"]]))
        cat = self.ohe.transform(df[self.cfg["cat_cols"]].astype(str))
        num = df[self.cfg["num_cols"]].to_numpy(dtype=float)
        return sparse.hstack([sparse.csr_matrix(txt), cat, sparse.csr_matrix(num)]).tocsr()
