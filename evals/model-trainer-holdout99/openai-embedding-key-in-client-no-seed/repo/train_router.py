"""Route free-text customer feedback to product areas using OpenAI embeddings."""
import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split

from feedback_router.embed_client import embed_texts

DATA = Path("data/feedback_labelled_2024.csv")
OUT = Path("artifacts/feedback_router")
MAX_ROWS = 20_000  # keep the embedding bill bounded


def load():
    df = pd.read_csv(DATA)
    df = df.dropna(subset=["text", "product_area"])
    df = df[df["text"].str.len() > 15]
    counts = df["product_area"].value_counts()
    df = df[df["product_area"].isin(counts[counts >= 30].index)]
    if len(df) > MAX_ROWS:
        df = df.sample(n=MAX_ROWS)
    return df.reset_index(drop=True)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    df = load()
    print(df["product_area"].value_counts())

    X = embed_texts(df["text"].tolist())
    y = df["product_area"].values

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    clf = LogisticRegression(C=2.0, max_iter=4000, class_weight="balanced")
    clf.fit(X_train, y_train)

    pred = clf.predict(X_test)
    metrics = {
        "macro_f1": f1_score(y_test, pred, average="macro"),
        "accuracy": accuracy_score(y_test, pred),
        "baseline_macro_f1": f1_score(y_test, baseline.predict(X_test), average="macro"),
    }
    print(classification_report(y_test, pred, digits=3))
    print(json.dumps(metrics, indent=2))

    joblib.dump(clf, OUT / "router_logreg.joblib")
    (OUT / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
