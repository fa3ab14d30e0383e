"""Topic routing for community-forum posts.

Posts by the same author are stylistically close, so splits are grouped by author_id
(StratifiedGroupKFold keeps topic proportions roughly balanced across folds).
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import LabelEncoder

from .cleaning import clean_post, drop_duplicate_posts

log = logging.getLogger("forumtopics")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=Path, default=Path("data/forum_posts.csv"))
    ap.add_argument("--out", type=Path, default=Path("models/forum_topics"))
    ap.add_argument("--seed", type=int, default=4242)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    posts = pd.read_csv(args.posts, usecols=["post_id", "author_id", "title", "body", "topic"])
    posts["text"] = (posts["title"].fillna("") + " \n " + posts["body"].fillna("")).map(clean_post)
    before = len(posts)
    posts = drop_duplicate_posts(posts, "text")
    log.info("removed %d duplicate/cross-posted rows, %d remain", before - len(posts), len(posts))

    # topic names -> integer ids (a fixed mapping of the label set, nothing data-dependent beyond the names)
    enc = LabelEncoder().fit(posts["topic"])
    y = enc.transform(posts["topic"])
    groups = posts["author_id"].to_numpy()
    X = posts["text"].to_numpy()

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=args.seed)
    train_idx, test_idx = next(outer.split(X, y, groups))
    assert not set(groups[train_idx]) & set(groups[test_idx])
    log.info("train %d posts / test %d posts", len(train_idx), len(test_idx))

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(sublinear_tf=True, min_df=2, max_df=0.5)),
        ("sgd", SGDClassifier(loss="log_loss", class_weight="balanced", max_iter=30, tol=None,
                              random_state=args.seed)),
    ])
    search = GridSearchCV(
        pipe,
        param_grid={"tfidf__ngram_range": [(1, 1), (1, 2)], "sgd__alpha": [1e-6, 1e-5, 1e-4]},
        scoring="f1_macro",
        cv=StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=args.seed),
        n_jobs=-1,
    )
    search.fit(X[train_idx], y[train_idx], groups=groups[train_idx])
    log.info("best %s  inner-CV macro-F1 %.4f", search.best_params_, search.best_score_)

    majority = DummyClassifier(strategy="most_frequent").fit(X[train_idx], y[train_idx])
    y_test = y[test_idx]
    pred = search.predict(X[test_idx])
    base_pred = majority.predict(X[test_idx])
    metrics = {
        "macro_f1": f1_score(y_test, pred, average="macro"),
        "weighted_f1": f1_score(y_test, pred, average="weighted"),
        "balanced_acc": balanced_accuracy_score(y_test, pred),
        "majority_macro_f1": f1_score(y_test, base_pred, average="macro"),
        "majority_balanced_acc": balanced_accuracy_score(y_test, base_pred),
    }
    print(classification_report(y_test, pred, target_names=enc.classes_, digits=3))
    print(json.dumps(metrics, indent=2))

    args.out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": search.best_estimator_, "labels": list(enc.classes_)}, args.out / "sgd_tfidf.joblib")
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
