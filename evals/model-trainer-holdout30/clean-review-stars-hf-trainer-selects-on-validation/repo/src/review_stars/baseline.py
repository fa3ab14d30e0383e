"""Bag-of-words reference model, trained on the training split only."""
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from review_stars.metrics import star_metrics


def tfidf_logreg(train, validation, seed: int) -> dict:
    clf = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=200_000, sublinear_tf=True),
        LogisticRegression(C=2.0, max_iter=2000, random_state=seed),
    )
    clf.fit(train["text"], train["label"])
    return {f"baseline_{k}": v for k, v in star_metrics(validation["label"], clf.predict(validation["text"])).items()}
