"""20 Newsgroups topic classifier: TF-IDF + SGD (modified Huber).

Uses the official by-date train/test partition shipped with scikit-learn.
"""
import logging
import time

import numpy as np
from sklearn.datasets import fetch_20newsgroups
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, f1_score, top_k_accuracy_score

logging.basicConfig(level=logging.INFO, format="%(message)s")
SEED = 0
STRIP = ("headers", "footers", "quotes")


def get_vectorizer():
    return TfidfVectorizer(
        max_features=60_000,
        ngram_range=(1, 2),
        sublinear_tf=True,
        stop_words="english",
        dtype=np.float32,
    )


def main():
    train = fetch_20newsgroups(subset="train", remove=STRIP, random_state=SEED)
    test = fetch_20newsgroups(subset="test", remove=STRIP, random_state=SEED)
    logging.info("%d train docs, %d test docs, %d classes", len(train.data), len(test.data), len(train.target_names))

    t0 = time.time()
    vec = get_vectorizer()
    X_train = vec.fit_transform(train.data)
    X_test = vec.fit_transform(test.data)
    logging.info("vectorised in %.1fs: %s / %s", time.time() - t0, X_train.shape, X_test.shape)

    clf = SGDClassifier(loss="modified_huber", alpha=3e-5, penalty="l2", max_iter=50, tol=1e-4,
                        random_state=SEED)
    clf.fit(X_train, train.target)

    majority = DummyClassifier(strategy="most_frequent").fit(X_train, train.target)
    pred = clf.predict(X_test)
    proba = clf.predict_proba(X_test)
    print(f"majority   acc={accuracy_score(test.target, majority.predict(X_test)):.4f}")
    print(f"sgd        acc={accuracy_score(test.target, pred):.4f} "
          f"macro-F1={f1_score(test.target, pred, average='macro'):.4f} "
          f"top3={top_k_accuracy_score(test.target, proba, k=3):.4f}")


if __name__ == "__main__":
    main()
