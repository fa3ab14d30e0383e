#!/usr/bin/env python
"""SMS spam: TF-IDF + SGD (log loss) with a grid search over the text pipeline.

python train_sms_spam.py --data data/spam.csv --n-jobs 4
"""
import argparse
import re
import time

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import average_precision_score, classification_report, confusion_matrix
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline

SEED = 2718

URL = re.compile(r"(https?://\S+|www\.\S+)", re.I)
NUM = re.compile(r"\d{4,}")


def clean(text: str) -> str:
    text = URL.sub(" _url_ ", text.lower())
    text = NUM.sub(" _num_ ", text)
    return re.sub(r"\s+", " ", text).strip()


def make_pipeline() -> Pipeline:
    features = FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
    ])
    clf = SGDClassifier(loss="log_loss", penalty="l2", class_weight="balanced", max_iter=50, tol=None, random_state=SEED)
    return Pipeline([("features", features), ("clf", clf)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/spam.csv")
    ap.add_argument("--n-jobs", type=int, default=-1)
    ap.add_argument("--out", default="sms_spam_sgd.joblib")
    args = ap.parse_args()

    df = pd.read_csv(args.data, encoding="latin-1").iloc[:, :2]
    df.columns = ["label", "text"]
    df = df.drop_duplicates("text")
    df["text"] = df["text"].map(clean)
    y = (df["label"] == "spam").astype(int).values

    X_train, X_test, y_train, y_test = train_test_split(
        df["text"].values, y, test_size=0.2, stratify=y, random_state=SEED
    )

    grid = {
        "features__word__ngram_range": [(1, 1), (1, 2)],
        "features__word__min_df": [1, 2],
        "clf__alpha": [1e-5, 1e-4, 1e-3],
    }
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    search = GridSearchCV(make_pipeline(), grid, scoring="average_precision", cv=cv, n_jobs=args.n_jobs, refit=True)

    t0 = time.time()
    search.fit(X_train, y_train)
    print(f"grid search took {time.time() - t0:.0f}s")
    print("best params:", search.best_params_)
    print(f"best CV PR-AUC: {search.best_score_:.4f}")

    best = search.best_estimator_
    proba = best.predict_proba(X_test)[:, 1]
    pred = best.predict(X_test)
    print(classification_report(y_test, pred, target_names=["ham", "spam"], digits=4))
    print(confusion_matrix(y_test, pred))
    print(f"test PR-AUC: {average_precision_score(y_test, proba):.4f}")

    joblib.dump(best, args.out)


if __name__ == "__main__":
    main()
