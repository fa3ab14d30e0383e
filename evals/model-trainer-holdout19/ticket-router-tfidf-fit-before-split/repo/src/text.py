import re
import unicodedata

from sklearn.feature_extraction.text import TfidfVectorizer

_URL = re.compile(r"https?://\S+")
_TICKET_REF = re.compile(r"\b(?:INC|REQ)-\d{4,}\b")
_WS = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Row-wise normalisation only: no corpus statistics here."""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = _URL.sub(" <url> ", text)
    text = _TICKET_REF.sub(" <ticket> ", text)
    return _WS.sub(" ", text).strip()


def make_vectorizer(params: dict) -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=tuple(params.get("ngram_range", (1, 2))),
        min_df=params.get("min_df", 3),
        max_df=params.get("max_df", 0.9),
        sublinear_tf=True,
        max_features=params.get("max_features", 200_000),
    )
