"""Train the support e-mail category classifier (TF-IDF + logistic regression).

Usage:
    python train_classifier.py --data data/support_emails.csv --out models/email_clf
"""
import argparse
import json
import re
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split

SEED = 13
SIGNATURE_RE = re.compile(r"\n--\s*\n.*", flags=re.S)
QUOTED_RE = re.compile(r"^>.*$", flags=re.M)
URL_RE = re.compile(r"https?://\S+")


def clean_text(text: str) -> str:
    text = SIGNATURE_RE.sub(" ", text)
    text = QUOTED_RE.sub(" ", text)
    text = URL_RE.sub(" URL ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def load_corpus(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df.dropna(subset=["body", "category"])
    df = df[df["category"] != "other"].reset_index(drop=True)
    df["text"] = (df["subject"].fillna("") + " \n " + df["body"]).map(clean_text)
    return df


def build_features(texts, max_features: int):
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2),
        min_df=3,
        max_df=0.9,
        sublinear_tf=True,
        max_features=max_features,
    )
    matrix = vectorizer.fit_transform(texts)
    return vectorizer, matrix


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("models/email_clf"))
    parser.add_argument("--max-features", type=int, default=60000)
    parser.add_argument("--C", type=float, default=4.0)
    return parser.parse_args()


def main():
    args = parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    df = load_corpus(args.data)
    print(f"{len(df)} e-mails, {df['category'].nunique()} categories")
    print(df["category"].value_counts().to_string())

    vectorizer, X = build_features(df["text"], args.max_features)
    y = df["category"].to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    clf = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced")
    clf.fit(X_train, y_train)

    results = {}
    for name, model in [("majority", baseline), ("tfidf_logreg", clf)]:
        pred = model.predict(X_test)
        results[name] = {
            "accuracy": accuracy_score(y_test, pred),
            "macro_f1": f1_score(y_test, pred, average="macro"),
            "weighted_f1": f1_score(y_test, pred, average="weighted"),
        }
        print(name, json.dumps(results[name], indent=2))

    print(classification_report(y_test, clf.predict(X_test), digits=3))

    feature_names = np.array(vectorizer.get_feature_names_out())
    for label, coefs in zip(clf.classes_, clf.coef_):
        top = feature_names[np.argsort(coefs)[-12:]][::-1]
        print(f"{label:>18}: {', '.join(top)}")

    joblib.dump({"vectorizer": vectorizer, "model": clf}, args.out / "model.joblib")
    (args.out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
