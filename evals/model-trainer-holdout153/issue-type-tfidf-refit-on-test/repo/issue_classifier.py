"""NLBSE'23 issue report classification baseline: bug / enhancement / question.

Uses the organiser-provided train and test CSVs. TF-IDF on title + body, logistic regression.
"""
import re
import sys
import time

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score

TRAIN_CSV = "data/issues_train.csv"
TEST_CSV = "data/issues_test.csv"
LABELS = ["bug", "enhancement", "question"]

CODE_BLOCK = re.compile(r"```.*?```", re.DOTALL)
URL = re.compile(r"https?://\S+")


def preprocess(df):
    body = df["body"].fillna("").map(lambda s: URL.sub(" <url> ", CODE_BLOCK.sub(" <code> ", s)))
    return (df["title"].fillna("") + " . " + body).str.lower()


def featurize(vectorizer, texts):
    return vectorizer.fit_transform(texts)


def main(seed=0):
    train = pd.read_csv(TRAIN_CSV)
    test = pd.read_csv(TEST_CSV)
    train = train[train["label"].isin(LABELS)]
    test = test[test["label"].isin(LABELS)]
    print(f"train={len(train)} test={len(test)}")
    print(train["label"].value_counts(normalize=True).round(3).to_dict())

    vectorizer = TfidfVectorizer(max_features=20000, ngram_range=(1, 2), min_df=3,
                                 sublinear_tf=True, strip_accents="unicode")
    X_train = featurize(vectorizer, preprocess(train))

    clf = LogisticRegression(C=4.0, max_iter=1000, class_weight="balanced",
                             solver="saga", random_state=seed)
    t0 = time.time()
    clf.fit(X_train, train["label"])
    print(f"fit in {time.time() - t0:.1f}s")

    X_test = featurize(vectorizer, preprocess(test))
    pred = clf.predict(X_test)
    print(classification_report(test["label"], pred, labels=LABELS, digits=4))
    print("micro F1:", round(f1_score(test["label"], pred, average="micro"), 4))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
