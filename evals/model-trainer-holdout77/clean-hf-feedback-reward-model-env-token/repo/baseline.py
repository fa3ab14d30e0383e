"""TF-IDF + logistic regression baseline on the same splits."""
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from metrics import binary_report


def join_text(split, fields):
    return [" [SEP] ".join(row[f] for f in fields) for row in split]


def tfidf_baseline(train_split, test_split, fields, seed):
    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=200_000, sublinear_tf=True),
        LogisticRegression(max_iter=2000, C=2.0, random_state=seed),
    )
    pipe.fit(join_text(train_split, fields), train_split["label"])
    p = pipe.predict_proba(join_text(test_split, fields))[:, 1]
    return binary_report(test_split["label"], p)
