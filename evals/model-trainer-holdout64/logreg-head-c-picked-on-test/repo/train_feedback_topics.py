"""Topic classifier for in-app feedback (e5-small embeddings + logistic regression head)."""
import json
import os
import random

import joblib
import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

SEED = 11
DATA_PATH = os.environ.get("FEEDBACK_CSV", "data/feedback_labelled.csv")
OUT_DIR = "models/feedback_topics"
C_GRID = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0]

random.seed(SEED)
np.random.seed(SEED)


def load():
    df = pd.read_csv(DATA_PATH)
    df = df.dropna(subset=["comment", "topic"])
    df = df[df["comment"].str.split().str.len() >= 3]
    return df.reset_index(drop=True)


def encode(texts, model):
    # e5 models expect the "query: " prefix for symmetric tasks
    return model.encode(
        ["query: " + t for t in texts],
        batch_size=64,
        normalize_embeddings=True,
        show_progress_bar=True,
    )


def report(name, y_true, y_pred):
    scores = {
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
        "macro_precision": precision_score(y_true, y_pred, average="macro", zero_division=0),
        "macro_recall": recall_score(y_true, y_pred, average="macro", zero_division=0),
    }
    print(name, {k: round(v, 4) for k, v in scores.items()})
    return scores


def main():
    df = load()
    train_df, test_df = train_test_split(
        df, test_size=0.2, stratify=df["topic"], random_state=SEED
    )

    tfidf = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(max_iter=2000, random_state=SEED),
    )
    tfidf.fit(train_df["comment"], train_df["topic"])
    report("tfidf baseline", test_df["topic"], tfidf.predict(test_df["comment"]))

    encoder = SentenceTransformer("intfloat/e5-small-v2")
    X_train = encode(train_df["comment"].tolist(), encoder)
    X_test = encode(test_df["comment"].tolist(), encoder)
    y_train, y_test = train_df["topic"].values, test_df["topic"].values

    best_c, best_f1, best_model = None, -1.0, None
    for c in C_GRID:
        clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=SEED)
        clf.fit(X_train, y_train)
        f1 = f1_score(y_test, clf.predict(X_test), average="macro")
        print(f"C={c:<6} macro-F1={f1:.4f}")
        if f1 > best_f1:
            best_c, best_f1, best_model = c, f1, clf

    print(f"selected C={best_c}")
    scores = report("e5 + logreg", y_test, best_model.predict(X_test))

    os.makedirs(OUT_DIR, exist_ok=True)
    joblib.dump(best_model, os.path.join(OUT_DIR, "head.joblib"))
    with open(os.path.join(OUT_DIR, "metrics.json"), "w") as f:
        json.dump({"C": best_c, **scores}, f, indent=2)


if __name__ == "__main__":
    main()
