"""Model definition for fake job-posting detection."""
import re

from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

HTML_TAG = re.compile(r"<[^>]+>")
TEXT_COLS = ["title", "company_profile", "description", "requirements", "benefits"]
CAT_COLS = ["employment_type", "required_experience", "industry", "function"]


def strip_html(text: str) -> str:
    return HTML_TAG.sub(" ", text).lower()


def add_document(df):
    df = df.copy()
    df[TEXT_COLS] = df[TEXT_COLS].fillna("")
    df["document"] = df[TEXT_COLS].agg(" \n ".join, axis=1)
    df[CAT_COLS] = df[CAT_COLS].fillna("missing")
    return df


def build_pipeline(cfg: dict) -> Pipeline:
    features = ColumnTransformer([
        ("words", TfidfVectorizer(preprocessor=strip_html, ngram_range=tuple(cfg["word_ngrams"]),
                                  min_df=cfg["min_df"], sublinear_tf=True), "document"),
        ("chars", TfidfVectorizer(preprocessor=strip_html, analyzer="char_wb",
                                  ngram_range=tuple(cfg["char_ngrams"]), min_df=cfg["min_df"],
                                  max_features=cfg["max_char_features"], sublinear_tf=True), "document"),
        ("cats", OneHotEncoder(handle_unknown="ignore", min_frequency=10), CAT_COLS),
    ])
    clf = LogisticRegression(C=cfg["C"], class_weight="balanced", max_iter=4000,
                             random_state=cfg["seed"])
    return Pipeline([("features", features), ("clf", clf)])
