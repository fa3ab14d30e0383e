"""Tune the char n-gram categoriser with customer-grouped CV and report
macro F1 on the test customers.

    python tune_categoriser.py --data data/labelled.parquet --n-jobs 8
"""
import argparse
import json
import time

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from sklearn.pipeline import Pipeline

SEED = 20240611

PARAM_GRID = {
    "tfidf__ngram_range": [(2, 4), (2, 5), (3, 5)],
    "tfidf__min_df": [2, 5],
    "clf__C": [1.0, 4.0, 16.0],
}


def normalise(s: pd.Series) -> pd.Series:
    return (s.fillna("")
             .str.lower()
             .str.replace(r"\b(pos|visa|debit|contactless|card)\b", " ", regex=True)
             .str.replace(r"\d+", "#", regex=True)
             .str.replace(r"\s+", " ", regex=True)
             .str.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--n-jobs", type=int, default=4)
    ap.add_argument("--out", default="models/char_lr.joblib")
    args = ap.parse_args()

    df = pd.read_parquet(args.data, columns=["customer_id", "description", "category"])
    df = df.dropna(subset=["category"]).reset_index(drop=True)
    df["text"] = normalise(df["description"])

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    tr, te = next(outer.split(df, groups=df["customer_id"]))
    train, test = df.iloc[tr], df.iloc[te]

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(analyzer="char_wb", sublinear_tf=True, max_features=300_000)),
        ("clf", LogisticRegression(max_iter=3000, class_weight="balanced", random_state=SEED)),
    ])
    search = GridSearchCV(
        pipe,
        PARAM_GRID,
        cv=GroupKFold(n_splits=5),
        scoring="f1_macro",
        n_jobs=args.n_jobs,
        refit=True,
        verbose=1,
    )
    t0 = time.time()
    search.fit(train["text"], train["category"], groups=train["customer_id"])
    print(f"search took {time.time() - t0:.0f}s")
    print("best params:", search.best_params_)
    print(f"best CV macro F1: {search.best_score_:.4f}")

    cv = pd.DataFrame(search.cv_results_)
    print(cv.sort_values("rank_test_score")[["params", "mean_test_score", "std_test_score"]].head(5).to_string())

    best = search.best_estimator_
    pred = best.predict(test["text"])
    test_f1 = f1_score(test["category"], pred, average="macro")
    print(classification_report(test["category"], pred, digits=3, zero_division=0))
    print(f"test macro F1 (held-out customers): {test_f1:.4f}")

    joblib.dump(best, args.out)
    with open(args.out.replace(".joblib", ".json"), "w") as fh:
        json.dump({"best_params": {k: str(v) for k, v in search.best_params_.items()},
                   "cv_macro_f1": search.best_score_, "test_macro_f1": test_f1}, fh, indent=2)


if __name__ == "__main__":
    main()
