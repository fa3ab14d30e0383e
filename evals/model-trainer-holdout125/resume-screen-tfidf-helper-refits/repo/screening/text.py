import re

from sklearn.feature_extraction.text import TfidfVectorizer

_EMAIL = re.compile(r"\S+@\S+")
_PHONE = re.compile(r"\+?\d[\d\-\s().]{7,}\d")
_URL = re.compile(r"https?://\S+|www\.\S+")


def clean_resume(text: str) -> str:
    """Strip contact details / links and normalise whitespace. Resumes come from the ATS
    PDF parser so there is a lot of junk."""
    if not isinstance(text, str):
        return ""
    text = _EMAIL.sub(" ", text)
    text = _PHONE.sub(" ", text)
    text = _URL.sub(" ", text)
    text = re.sub(r"[^A-Za-z0-9+#./ ]", " ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def tfidf_features(texts, vectorizer=None, max_features=30000):
    """Returns (matrix, vectorizer). Pass the vectorizer from the training call to reuse
    the same settings for other splits."""
    if vectorizer is None:
        vectorizer = TfidfVectorizer(
            ngram_range=(1, 2),
            min_df=3,
            max_df=0.9,
            max_features=max_features,
            sublinear_tf=True,
            stop_words="english",
        )
    X = vectorizer.fit_transform(texts)
    return X, vectorizer
