from pathlib import Path

import joblib
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer


def fit_vectorizer(texts, params: dict):
    vec = TfidfVectorizer(
        ngram_range=tuple(params["ngram_range"]),
        min_df=params["min_df"],
        max_df=params["max_df"],
        max_features=params["max_features"],
        sublinear_tf=params["sublinear_tf"],
    )
    matrix = vec.fit_transform(texts)
    return vec, matrix


def save(vec, matrix, work_dir: str) -> None:
    out = Path(work_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(vec, out / "tfidf.joblib")
    sparse.save_npz(out / "X_tfidf.npz", matrix)
