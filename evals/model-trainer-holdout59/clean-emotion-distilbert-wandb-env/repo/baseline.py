"""TF-IDF + logistic regression baseline on the same splits as the transformer."""
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline


def tfidf_logreg(train_texts, train_labels, test_texts, test_labels, seed):
    clf = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(C=4.0, max_iter=2000, random_state=seed),
    )
    clf.fit(train_texts, train_labels)
    pred = clf.predict(test_texts)
    return {
        "test_accuracy": accuracy_score(test_labels, pred),
        "test_macro_f1": f1_score(test_labels, pred, average="macro"),
    }
