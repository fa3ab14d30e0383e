from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline


def tfidf_baseline(train_texts, train_labels, seed):
    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(C=2.0, max_iter=2000, class_weight="balanced", random_state=seed),
    )
    return pipe.fit(train_texts, train_labels)
