"""Text feature helpers for the support-ticket queue router."""
import re

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

SIGNATURE_RE = re.compile(
    r"(^--\s*$|best regards|kind regards|thanks,\s*$|sent from my iphone).*",
    re.I | re.S | re.M,
)
QUOTED_RE = re.compile(r"^>.*$", re.M)
URL_RE = re.compile(r"https?://\S+")
TICKET_REF_RE = re.compile(r"\b(?:TKT|INC)-\d{5,}\b")


def clean_body(text) -> str:
    """Strip quoted replies, signatures and URLs from an e-mail body."""
    if not isinstance(text, str):
        return ""
    text = QUOTED_RE.sub(" ", text)
    text = SIGNATURE_RE.sub(" ", text)
    text = URL_RE.sub(" _url_ ", text)
    text = TICKET_REF_RE.sub(" _ticketref_ ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def build_text(df: pd.DataFrame) -> pd.Series:
    subject = df["subject"].fillna("").str.lower()
    return subject + " __sep__ " + df["body"].map(clean_body)


def make_tfidf_features(texts, cfg):
    vec = TfidfVectorizer(
        ngram_range=tuple(cfg["ngram_range"]),
        min_df=cfg["min_df"],
        max_df=cfg["max_df"],
        max_features=cfg["max_features"],
        sublinear_tf=True,
        strip_accents="unicode",
    )
    X = vec.fit_transform(texts)
    return X, vec
