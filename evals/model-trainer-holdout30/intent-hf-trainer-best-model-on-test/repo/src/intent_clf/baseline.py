"""TF-IDF + logistic regression reference model."""
from __future__ import annotations

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline


def tfidf_baseline(train_texts, train_labels, eval_texts, eval_labels, seed: int) -> dict:
    clf = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(C=4.0, max_iter=3000, random_state=seed),
    )
    clf.fit(train_texts, train_labels)
    preds = clf.predict(eval_texts)
    return {"baseline_macro_f1": f1_score(eval_labels, preds, average="macro")}
