"""Three-way sentiment model for app-store reviews (negative / neutral / positive).

Vectorizer and classifier settings are tuned together with grid search on the
training split; the test split is scored once at the end.
"""
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (balanced_accuracy_score, classification_report, f1_score,
                             log_loss)
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline

SEED = 31
DATA = Path("data/app_reviews.csv")
OUT = Path("artifacts/sentiment")
LABELS = ["negative", "neutral", "positive"]

log = logging.getLogger(__name__)


def stars_to_sentiment(stars: int) -> str:
    if stars <= 2:
        return "negative"
    return "neutral" if stars == 3 else "positive"


def main() -> None:
    df = pd.read_csv(DATA, usecols=["review_id", "content", "score"]).dropna()
    df = df[df["content"].str.split().str.len() >= 3].drop_duplicates("content")
    df["sentiment"] = df["score"].map(stars_to_sentiment)
    log.info("class balance:\n%s", df["sentiment"].value_counts(normalize=True).round(3))

    X_train, X_test, y_train, y_test = train_test_split(
        df["content"], df["sentiment"], test_size=0.2, stratify=df["sentiment"], random_state=SEED
    )

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(sublinear_tf=True, strip_accents="unicode")),
        ("clf", LogisticRegression(max_iter=3000, class_weight="balanced")),
    ])
    grid = {
        "tfidf__ngram_range": [(1, 1), (1, 2), (1, 3)],
        "tfidf__min_df": [1, 2, 5],
        "tfidf__max_df": [0.7, 1.0],
        "clf__C": [0.5, 2.0, 8.0],
    }
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    search = GridSearchCV(pipe, grid, scoring="f1_macro", cv=cv, n_jobs=-1, verbose=1)
    search.fit(X_train, y_train)
    log.info("best CV macro F1 %.4f with %s", search.best_score_, search.best_params_)

    baselines = {
        "majority": DummyClassifier(strategy="most_frequent"),
        "complement_nb": Pipeline([("tfidf", TfidfVectorizer(min_df=2)), ("nb", ComplementNB())]),
    }
    results = {}
    for name, model in {**baselines, "tuned_logreg": search.best_estimator_}.items():
        if name != "tuned_logreg":
            model.fit(X_train, y_train)
        pred = model.predict(X_test)
        results[name] = {
            "macro_f1": f1_score(y_test, pred, average="macro"),
            "balanced_accuracy": balanced_accuracy_score(y_test, pred),
        }
        if hasattr(model, "predict_proba"):
            results[name]["log_loss"] = log_loss(y_test, model.predict_proba(X_test), labels=model.classes_)

    print(classification_report(y_test, search.best_estimator_.predict(X_test), labels=LABELS, digits=3))
    print(json.dumps(results, indent=2))

    OUT.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, OUT / "sentiment_tfidf_logreg.joblib")
    pd.DataFrame(search.cv_results_).to_csv(OUT / "cv_results.csv", index=False)
    (OUT / "test_metrics.json").write_text(json.dumps(
        {"best_params": {k: str(v) for k, v in search.best_params_.items()}, "test": results},
        indent=2, default=float))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    np.random.seed(SEED)
    main()
