import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline

NUMERIC = ["n_claims", "n_indep_claims", "n_inventors", "small_entity", "n_ipc_codes", "abstract_words"]


def make_text_model(cfg: dict):
    return make_pipeline(
        TfidfVectorizer(
            max_features=cfg["tfidf"]["max_features"],
            min_df=cfg["tfidf"]["min_df"],
            ngram_range=(1, cfg["tfidf"]["ngram_max"]),
            sublinear_tf=True,
            dtype=np.float32,
        ),
        TruncatedSVD(n_components=cfg["svd_components"], random_state=cfg["seed"]),
    )


def joined_text(df: pd.DataFrame, fields) -> pd.Series:
    return df[fields].fillna("").agg(" \n ".join, axis=1)


def design_matrix(text_model, df: pd.DataFrame, fields) -> np.ndarray:
    z = text_model.transform(joined_text(df, fields))
    return np.hstack([z, df[NUMERIC].to_numpy(dtype=np.float32)])
