"""Product-review sentiment: TF-IDF bigrams + logistic regression.

Usage:
    python train_sentiment.py --data data/reviews_Electronics_5.json --out artifacts/
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("sentiment")

SEED = 13


def load_reviews(path: Path) -> pd.DataFrame:
    df = pd.read_json(path, lines=True)
    df = df.dropna(subset=["reviewText", "overall"])
    df = df[df["overall"] != 3]  # neutral reviews are ambiguous, drop them
    df["label"] = (df["overall"] >= 4).astype(int)
    df["text"] = (df["summary"].fillna("") + ". " + df["reviewText"]).str.strip()
    return df[["text", "label"]].reset_index(drop=True)


def report(name, y_true, proba, threshold=0.5):
    pred = (proba >= threshold).astype(int)
    out = {
        "f1_neg": f1_score(y_true, pred, pos_label=0),
        "macro_f1": f1_score(y_true, pred, average="macro"),
        "roc_auc": roc_auc_score(y_true, proba),
        "pr_auc_neg": average_precision_score(1 - y_true, 1 - proba),
    }
    log.info("%s: %s", name, json.dumps({k: round(v, 4) for k, v in out.items()}))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("data/reviews_Electronics_5.json"))
    ap.add_argument("--out", type=Path, default=Path("artifacts"))
    ap.add_argument("--min-df", type=int, default=3)
    ap.add_argument("--C", type=float, default=4.0)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    df = load_reviews(args.data)
    log.info("loaded %d reviews, positive rate %.3f", len(df), df["label"].mean())

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=args.min_df, max_df=0.9,
                                 sublinear_tf=True, strip_accents="unicode")
    features = vectorizer.fit_transform(df["text"])
    labels = df["label"].to_numpy()

    X_tr, X_te, y_tr, y_te = train_test_split(
        features, labels, test_size=0.2, stratify=labels, random_state=SEED
    )
    log.info("train %s  test %s  vocab %d", X_tr.shape, X_te.shape, len(vectorizer.vocabulary_))

    dummy = DummyClassifier(strategy="prior").fit(X_tr, y_tr)
    report("prior baseline", y_te, dummy.predict_proba(X_te)[:, 1])

    clf = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced", solver="liblinear")
    clf.fit(X_tr, y_tr)
    proba = clf.predict_proba(X_te)[:, 1]
    metrics = report("tfidf+logreg", y_te, proba)
    print(classification_report(y_te, (proba >= 0.5).astype(int), digits=4))

    joblib.dump({"vectorizer": vectorizer, "clf": clf}, args.out / "sentiment_lr.joblib")
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
