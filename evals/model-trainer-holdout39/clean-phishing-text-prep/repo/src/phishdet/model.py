from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from .clean import NUMERIC


def text_pipeline(params: dict) -> Pipeline:
    tf = params["tfidf"]
    ch = params["char_tfidf"]
    features = ColumnTransformer([
        ("words", TfidfVectorizer(ngram_range=tuple(tf["ngram_range"]), min_df=tf["min_df"],
                                  max_df=tf["max_df"], sublinear_tf=tf["sublinear_tf"]), "text"),
        ("chars", TfidfVectorizer(analyzer=ch["analyzer"], ngram_range=tuple(ch["ngram_range"]),
                                  min_df=ch["min_df"], sublinear_tf=True), "text"),
        ("num", StandardScaler(), NUMERIC),
    ])
    return Pipeline([("features", features),
                     ("clf", LogisticRegression(max_iter=5000, solver="liblinear"))])


def numeric_only_baseline() -> Pipeline:
    return Pipeline([("scale", ColumnTransformer([("num", StandardScaler(), NUMERIC)])),
                     ("clf", LogisticRegression(max_iter=2000))])


def prior_baseline() -> DummyClassifier:
    return DummyClassifier(strategy="prior")
