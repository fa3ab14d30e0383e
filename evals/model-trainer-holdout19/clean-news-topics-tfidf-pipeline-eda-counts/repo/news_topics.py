"""News headline + lead topic classifier (8 desks)."""
import argparse
import logging
import random

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

log = logging.getLogger("news")


def describe_corpus(frame, n_terms=12):
    """EDA only: most frequent terms per desk, printed for the data card. Nothing here feeds the model."""
    counter = CountVectorizer(stop_words="english", min_df=5)
    counts = counter.fit_transform(frame["doc"])
    vocab = np.array(counter.get_feature_names_out())
    for desk, idx in frame.groupby("desk").indices.items():
        top = np.asarray(counts[idx].sum(axis=0)).ravel().argsort()[::-1][:n_terms]
        log.info("%-12s %s", desk, ", ".join(vocab[top]))


def main(opts):
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    random.seed(opts.seed)
    np.random.seed(opts.seed)

    articles = pd.read_csv(opts.data)
    articles["doc"] = (articles["headline"].fillna("") + ". " + articles["lead"].fillna("")).str.strip()
    articles = articles[articles["doc"].str.len() > 20].drop_duplicates("doc")
    describe_corpus(articles)

    docs_train, docs_test, desk_train, desk_test = train_test_split(
        articles["doc"], articles["desk"], test_size=0.2, stratify=articles["desk"], random_state=opts.seed)

    svm = Pipeline([
        ("tfidf", TfidfVectorizer(sublinear_tf=True, strip_accents="unicode")),
        ("clf", LinearSVC(random_state=opts.seed)),
    ])
    search = GridSearchCV(
        svm,
        param_grid={"tfidf__ngram_range": [(1, 1), (1, 2)], "tfidf__min_df": [2, 5], "clf__C": [0.1, 0.5, 1.0]},
        scoring="f1_macro",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=opts.seed),
        n_jobs=-1,
    )
    search.fit(docs_train, desk_train)
    log.info("best %s (cv macro-F1 %.3f)", search.best_params_, search.best_score_)

    baselines = {
        "majority": DummyClassifier(strategy="most_frequent"),
        "count_nb": Pipeline([("bow", CountVectorizer(min_df=2)), ("nb", ComplementNB(alpha=0.5))]),
    }
    models = {name: est.fit(docs_train, desk_train) for name, est in baselines.items()}
    models["tfidf_svm"] = search.best_estimator_

    for name, est in models.items():
        pred = est.predict(docs_test)
        log.info("%-10s accuracy=%.3f macro-F1=%.3f", name, accuracy_score(desk_test, pred),
                 f1_score(desk_test, pred, average="macro"))
    log.info("\n%s", classification_report(desk_test, models["tfidf_svm"].predict(docs_test), digits=3))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/news_articles.csv")
    ap.add_argument("--seed", type=int, default=8)
    main(ap.parse_args())
