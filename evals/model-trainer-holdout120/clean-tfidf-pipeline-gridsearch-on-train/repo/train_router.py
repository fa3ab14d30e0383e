#!/usr/bin/env python
"""Grid-searched TF-IDF + linear model for support-ticket routing.

python train_router.py --tickets data/tickets.parquet --out models/router.joblib
"""
import argparse
import json
import time

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline

SEED = 20240315

PARAM_GRID = {
    "tfidf__ngram_range": [(1, 1), (1, 2)],
    "tfidf__min_df": [2, 5],
    "tfidf__max_df": [0.8, 1.0],
    "clf__C": [0.5, 2.0, 8.0],
}


def load(path):
    df = pd.read_parquet(path, columns=["ticket_id", "subject", "body", "queue", "created_at"])
    df = df.dropna(subset=["queue"])
    df["text"] = df["subject"].fillna("") + " " + df["body"].fillna("")
    rare = df["queue"].value_counts()
    df = df[df["queue"].isin(rare[rare >= 50].index)]
    return df.reset_index(drop=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tickets", required=True)
    ap.add_argument("--out", default="models/router.joblib")
    ap.add_argument("--n-jobs", type=int, default=-1)
    args = ap.parse_args()

    df = load(args.tickets)
    X_train, X_test, y_train, y_test = train_test_split(
        df["text"], df["queue"], test_size=0.2, stratify=df["queue"], random_state=SEED
    )

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(sublinear_tf=True, strip_accents="unicode")),
        ("clf", LogisticRegression(max_iter=4000, class_weight="balanced", random_state=SEED)),
    ])
    search = GridSearchCV(
        pipe,
        PARAM_GRID,
        scoring="f1_macro",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
        n_jobs=args.n_jobs,
        refit=True,
        verbose=1,
    )
    t0 = time.time()
    search.fit(X_train, y_train)
    print(f"search took {time.time() - t0:.0f}s")
    print("best params:", search.best_params_)
    print(f"best CV macro-F1: {search.best_score_:.4f}")

    y_pred = search.best_estimator_.predict(X_test)
    print(classification_report(y_test, y_pred, digits=3))
    test_f1 = f1_score(y_test, y_pred, average="macro")
    print(f"test macro-F1: {test_f1:.4f}")

    joblib.dump(search.best_estimator_, args.out)
    with open(args.out.replace(".joblib", ".json"), "w") as f:
        json.dump({"best_params": {k: str(v) for k, v in search.best_params_.items()},
                   "cv_macro_f1": search.best_score_, "test_macro_f1": test_f1}, f, indent=2)


if __name__ == "__main__":
    main()
