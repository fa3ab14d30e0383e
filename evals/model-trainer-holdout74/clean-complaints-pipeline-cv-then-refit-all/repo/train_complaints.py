"""Consumer-complaint product router: TF-IDF + linear model, tuned with stratified CV.

The evaluated model is the one fitted on the training split; the artefact that ships is
re-fitted on every labelled complaint with the selected hyper-parameters.
"""
import json
import re
from pathlib import Path

import joblib
import pandas as pd
from sklearn.base import clone
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

SEED = 20240611
ARTIFACTS = Path("artifacts")
REDACTED_RE = re.compile(r"X{2,}(/X{2,})*")


def normalise(text: str) -> str:
    text = REDACTED_RE.sub(" redacted ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def main():
    ARTIFACTS.mkdir(exist_ok=True)
    df = pd.read_csv("data/complaints_narratives.csv", usecols=["narrative", "product"]).dropna()
    df["narrative"] = df["narrative"].map(normalise)
    df = df[df["narrative"].str.len() > 30].drop_duplicates("narrative")

    X_train, X_test, y_train, y_test = train_test_split(
        df["narrative"], df["product"], test_size=0.2, stratify=df["product"], random_state=SEED
    )

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(sublinear_tf=True, min_df=3, max_df=0.8, strip_accents="unicode")),
        ("clf", LinearSVC(class_weight="balanced", random_state=SEED)),
    ])
    grid = [
        {"tfidf__ngram_range": [(1, 1), (1, 2)], "clf": [LinearSVC(class_weight="balanced", random_state=SEED)],
         "clf__C": [0.1, 0.3, 1.0]},
        {"tfidf__ngram_range": [(1, 2)], "clf": [LogisticRegression(max_iter=3000, class_weight="balanced")],
         "clf__C": [1.0, 4.0, 16.0]},
    ]
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    search = GridSearchCV(pipe, grid, scoring="f1_macro", cv=cv, n_jobs=-1, refit=True, verbose=1)
    search.fit(X_train, y_train)
    print("best params:", search.best_params_, "cv macro-F1:", round(search.best_score_, 4))

    baselines = {
        "majority": Pipeline([("tfidf", TfidfVectorizer(min_df=3)), ("clf", DummyClassifier(strategy="most_frequent"))]),
        "complement_nb": Pipeline([("tfidf", TfidfVectorizer(min_df=3, sublinear_tf=True)), ("clf", ComplementNB())]),
    }
    report = {}
    for name, model in {**baselines, "tuned": search.best_estimator_}.items():
        if name != "tuned":
            model.fit(X_train, y_train)
        pred = model.predict(X_test)
        report[name] = {
            "accuracy": round(accuracy_score(y_test, pred), 4),
            "macro_f1": round(f1_score(y_test, pred, average="macro"), 4),
            "weighted_f1": round(f1_score(y_test, pred, average="weighted"), 4),
        }
    print(json.dumps(report, indent=2))
    print(classification_report(y_test, search.best_estimator_.predict(X_test), digits=3))
    (ARTIFACTS / "holdout_report.json").write_text(json.dumps(report, indent=2))

    production = clone(search.best_estimator_)
    production.fit(df["narrative"], df["product"])
    joblib.dump(production, ARTIFACTS / "complaint_router.joblib")


if __name__ == "__main__":
    main()
