"""Sentiment classifier for All Beauty product reviews (TF-IDF + linear SGD)."""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

from text_prep import normalise, rating_to_label


def load(cfg):
    d = cfg["data"]
    df = pd.read_csv(d["path"], usecols=["reviewerID", "asin", d["rating_field"], *d["text_fields"]])
    df["text"] = df[d["text_fields"]].fillna("").agg(" . ".join, axis=1).map(normalise)
    df = df[df["text"].str.len() > 0].drop_duplicates(subset=["reviewerID", "asin"])
    df["label"] = df[d["rating_field"]].map(rating_to_label)
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.json")
    args = ap.parse_args()
    cfg = json.load(open(args.config))

    df = load(cfg)
    print(df["label"].value_counts())
    train_df, test_df = train_test_split(
        df, test_size=cfg["test_size"], stratify=df["label"], random_state=cfg["seed"]
    )

    tfidf_kw = dict(cfg["tfidf"], ngram_range=tuple(cfg["tfidf"]["ngram_range"]))
    vectorizer = TfidfVectorizer(**tfidf_kw)
    X_train = vectorizer.fit_transform(train_df["text"])
    X_test = vectorizer.transform(test_df["text"])

    clf = SGDClassifier(**cfg["sgd"])
    clf.fit(X_train, train_df["label"])
    print(f"stopped after {clf.n_iter_} epochs")

    pred = clf.predict(X_test)
    print(classification_report(test_df["label"], pred, digits=3))
    macro_f1 = f1_score(test_df["label"], pred, average="macro")

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"vectorizer": vectorizer, "model": clf}, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps({"test_macro_f1": macro_f1}, indent=2))


if __name__ == "__main__":
    main()
