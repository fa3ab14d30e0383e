"""Text features for the banking-support intent classifier."""
import re
import unicodedata

from sklearn.feature_extraction.text import TfidfVectorizer

_URL_RE = re.compile(r"https?://\S+")
_ACCOUNT_RE = re.compile(r"\b\d{8,}\b")
_AMOUNT_RE = re.compile(r"[$£€]\s?\d+([.,]\d+)?")
_NUM_RE = re.compile(r"\d+([.,]\d+)?")


def normalize_utterance(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = _URL_RE.sub(" <url> ", text)
    text = _ACCOUNT_RE.sub(" <acct> ", text)
    text = _AMOUNT_RE.sub(" <amount> ", text)
    text = _NUM_RE.sub(" <num> ", text)
    return re.sub(r"\s+", " ", text).strip()


def build_vectorizer(cfg: dict) -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=tuple(cfg["ngram_range"]),
        min_df=cfg["min_df"],
        max_features=cfg.get("max_features"),
        sublinear_tf=True,
        analyzer=cfg.get("analyzer", "word"),
        token_pattern=r"(?u)<?\b\w+\b>?",
    )


def featurize(df, cfg):
    """Normalise the utterances and return (vectorizer, sparse matrix)."""
    texts = df["text"].map(normalize_utterance)
    vec = build_vectorizer(cfg)
    X = vec.fit_transform(texts)
    return vec, X
