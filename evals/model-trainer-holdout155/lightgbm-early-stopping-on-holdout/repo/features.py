import re

import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline

_DIGITS = re.compile(r"\d+")
_PUNCT = re.compile(r"[^\w\s&]")


def clean(desc: pd.Series) -> pd.Series:
    s = desc.fillna("").str.lower()
    s = s.str.replace(_PUNCT, " ", regex=True)
    s = s.str.replace(_DIGITS, "0", regex=True)   # collapse store numbers / dates
    return s.str.replace(r"\s+", " ", regex=True).str.strip()


def make_text_encoder(cfg: dict, seed: int):
    f = cfg["features"]
    return make_pipeline(
        TfidfVectorizer(
            analyzer=f["analyzer"],
            ngram_range=(f["ngram_min"], f["ngram_max"]),
            min_df=f["min_df"],
            max_features=f["max_features"],
            sublinear_tf=True,
        ),
        TruncatedSVD(n_components=f["svd_components"], random_state=seed),
    )


def tabular(df: pd.DataFrame) -> np.ndarray:
    amt = df["amount"].astype(float)
    return np.column_stack([
        np.log1p(amt.abs()),
        np.sign(amt),
        df["mcc"].fillna(-1).astype(int),
        pd.to_datetime(df["posted_date"]).dt.day,
    ])
