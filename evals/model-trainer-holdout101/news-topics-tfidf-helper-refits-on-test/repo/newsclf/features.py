"""Sparse text features for the classical baselines."""
from sklearn.feature_extraction.text import TfidfVectorizer

DEFAULT_TFIDF = dict(
    ngram_range=(1, 2),
    max_features=20000,
    min_df=2,
    sublinear_tf=True,
    strip_accents="unicode",
)


def tfidf_features(texts, vectorizer=None, **overrides):
    """Return (matrix, vectorizer). Pass the fitted vectorizer back in for other splits."""
    if vectorizer is None:
        vectorizer = TfidfVectorizer(**{**DEFAULT_TFIDF, **overrides})
    matrix = vectorizer.fit_transform(texts)
    return matrix, vectorizer


def top_terms(vectorizer, coef, k=15):
    vocab = vectorizer.get_feature_names_out()
    return [vocab[i] for i in coef.argsort()[::-1][:k]]
