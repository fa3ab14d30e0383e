"""Predict next-day DJIA direction (Label: 1 = up/flat, 0 = down) from the day's top-25 Reddit headlines.

Data: Combined_News_DJIA.csv (2008-08-08 .. 2016-07-01), one row per trading day.
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline

HEADLINE_COLS = [f"Top{i}" for i in range(1, 26)]


def build_corpus(df):
    text = df[HEADLINE_COLS].fillna("").astype(str)
    text = text.apply(lambda col: col.str.replace(r"^b['\"]|['\"]$", "", regex=True))
    return text.agg(" ".join, axis=1).str.lower()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/Combined_News_DJIA.csv")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    days = pd.read_csv(args.csv, parse_dates=["Date"]).sort_values("Date").reset_index(drop=True)
    days["text"] = build_corpus(days)
    print(days["Date"].min(), "->", days["Date"].max(), "| up-day rate", round(days["Label"].mean(), 3))

    X_tr, X_te, y_tr, y_te = train_test_split(
        days["text"], days["Label"], test_size=0.2, stratify=days["Label"], random_state=args.seed
    )

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(2, 2), min_df=3, max_df=0.95)),
        ("lr", LogisticRegression(max_iter=3000)),
    ])
    grid = GridSearchCV(
        pipe,
        {"lr__C": [0.01, 0.1, 1.0, 10.0], "tfidf__ngram_range": [(1, 1), (2, 2), (1, 2)]},
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed),
        scoring="roc_auc",
        n_jobs=-1,
    )
    grid.fit(X_tr, y_tr)

    base = DummyClassifier(strategy="most_frequent").fit(X_tr, y_tr)
    proba = grid.predict_proba(X_te)[:, 1]
    pred = grid.predict(X_te)
    report = {
        "best_params": {k: str(v) for k, v in grid.best_params_.items()},
        "cv_auc": grid.best_score_,
        "test_auc": roc_auc_score(y_te, proba),
        "test_f1": f1_score(y_te, pred),
        "test_bal_acc": balanced_accuracy_score(y_te, pred),
        "majority_bal_acc": balanced_accuracy_score(y_te, base.predict(X_te)),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
