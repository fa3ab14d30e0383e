"""TF-IDF + logistic regression reference point for SST-2."""
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from .metrics import classification_metrics


def tfidf_baseline(train, heldout, seed: int):
    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(C=2.0, max_iter=2000, random_state=seed),
    )
    pipe.fit(train["sentence"], train["label"])
    scores = pipe.predict_proba(heldout["sentence"])[:, 1]
    return classification_metrics(heldout["label"], scores, (scores >= 0.5).astype(int))
