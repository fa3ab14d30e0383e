"""Dense document features for the boosted model: TF-IDF -> truncated SVD -> L2 normalisation."""
import re

from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer

BOILERPLATE = re.compile(r"(page \d+ of \d+|confidential|draft\s*v?\d*)", flags=re.I)


def clean(text: str) -> str:
    text = BOILERPLATE.sub(" ", text or "")
    return re.sub(r"\s+", " ", text).strip()


def make_featurizer(cfg: dict, seed: int):
    tf = dict(cfg["tfidf"])
    tf["ngram_range"] = tuple(tf["ngram_range"])
    return make_pipeline(
        TfidfVectorizer(**tf),
        TruncatedSVD(n_components=cfg["svd_components"], random_state=seed),
        Normalizer(copy=False),
    )
