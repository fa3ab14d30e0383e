"""Feature building for the app-store star classifier (word + char tf-idf + review metadata)."""
import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import StandardScaler

META_COLS = ["log_thumbs_up", "log_len", "n_exclaim", "n_question", "caps_ratio", "has_reply"]


def add_meta(df: pd.DataFrame) -> pd.DataFrame:
    text = df["content"].fillna("")
    df = df.assign(content=text)
    df["log_thumbs_up"] = np.log1p(df["thumbsUpCount"].clip(lower=0))
    df["log_len"] = np.log1p(text.str.len())
    df["n_exclaim"] = text.str.count("!")
    df["n_question"] = text.str.count(r"\?")
    letters = text.str.count(r"[A-Za-z]").replace(0, 1)
    df["caps_ratio"] = text.str.count(r"[A-Z]") / letters
    df["has_reply"] = df["replyContent"].notna().astype(int)
    return df


def build_features(df: pd.DataFrame, max_features: int = 60000):
    word_tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=max_features, sublinear_tf=True)
    char_tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3,
                                 max_features=max_features // 2, sublinear_tf=True)
    X_word = word_tfidf.fit_transform(df["content"])
    X_char = char_tfidf.fit_transform(df["content"])
    X_meta = StandardScaler().fit_transform(df[META_COLS])
    return hstack([X_word, X_char, csr_matrix(X_meta)]).tocsr()
