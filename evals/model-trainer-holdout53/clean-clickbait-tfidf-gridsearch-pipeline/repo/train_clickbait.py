"""Clickbait headline detector: TF-IDF + logistic regression tuned with CV on the training split."""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline

SEED = 404
DATA = "data/headlines_labelled.csv"


def pick_threshold(y_true, scores):
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    return float(thresholds[np.argmax(f1[:-1])])


def main():
    df = pd.read_csv(DATA).dropna(subset=["headline"]).drop_duplicates(subset=["headline"])
    df["headline"] = df["headline"].str.strip()
    X_train, X_test, y_train, y_test = train_test_split(
        df["headline"], df["clickbait"], test_size=0.2, stratify=df["clickbait"], random_state=SEED)

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(sublinear_tf=True, strip_accents="unicode")),
        ("clf", LogisticRegression(max_iter=3000, solver="liblinear", random_state=SEED)),
    ])
    grid = {
        "tfidf__ngram_range": [(1, 1), (1, 2), (1, 3)],
        "tfidf__min_df": [1, 2, 5],
        "tfidf__analyzer": ["word", "char_wb"],
        "clf__C": [0.5, 2.0, 8.0],
    }
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    search = GridSearchCV(pipe, grid, scoring="average_precision", cv=cv, n_jobs=-1, refit=True)
    search.fit(X_train, y_train)
    print("best params:", search.best_params_, "cv PR-AUC: %.4f" % search.best_score_)

    oof = cross_val_predict(search.best_estimator_, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
    threshold = pick_threshold(y_train, oof)
    print("threshold (oof F1-optimal): %.3f" % threshold)

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    results = {}
    for name, model in [("prior", baseline), ("tfidf_lr", search.best_estimator_)]:
        proba = model.predict_proba(X_test)[:, 1]
        results[name] = {
            "roc_auc": roc_auc_score(y_test, proba),
            "pr_auc": average_precision_score(y_test, proba),
            "f1_at_threshold": f1_score(y_test, (proba >= threshold).astype(int)),
        }
    print(json.dumps(results, indent=2))

    joblib.dump({"model": search.best_estimator_, "threshold": threshold}, "models/clickbait_lr.joblib")


if __name__ == "__main__":
    main()
