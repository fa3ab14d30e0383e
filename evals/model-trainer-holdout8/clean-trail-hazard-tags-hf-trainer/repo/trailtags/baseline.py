import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline


def tfidf_baseline(train_texts, train_labels, seed):
    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        OneVsRestClassifier(LogisticRegression(C=4.0, max_iter=3000, random_state=seed)),
    )
    return pipe.fit(train_texts, np.asarray(train_labels))
