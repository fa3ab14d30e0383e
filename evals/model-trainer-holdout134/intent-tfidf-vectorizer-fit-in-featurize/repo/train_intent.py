"""Train a TF-IDF + logistic regression intent classifier on BANKING77-style data.

Usage: python train_intent.py --data data/banking77.csv --config config.json
"""
import argparse
import json
import os

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split

from features import featurize


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/banking77.csv")
    ap.add_argument("--config", default="config.json")
    return ap.parse_args()


def main():
    args = parse_args()
    with open(args.config) as f:
        cfg = json.load(f)
    np.random.seed(cfg["seed"])

    df = pd.read_csv(args.data)  # columns: text, category
    df = df.dropna(subset=["text", "category"])
    df = df.drop_duplicates(subset=["text"]).reset_index(drop=True)
    print(f"{len(df)} utterances, {df['category'].nunique()} intents")

    vec, X = featurize(df, cfg["tfidf"])
    y = df["category"].to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    clf = LogisticRegression(
        C=cfg["C"],
        max_iter=3000,
        class_weight="balanced",
        random_state=cfg["seed"],
    )
    clf.fit(X_train, y_train)

    pred = clf.predict(X_test)
    print(f"accuracy  {accuracy_score(y_test, pred):.4f}")
    print(f"macro-F1  {f1_score(y_test, pred, average='macro'):.4f}")
    print(classification_report(y_test, pred, digits=3))

    os.makedirs(cfg["artifacts_dir"], exist_ok=True)
    joblib.dump({"vectorizer": vec, "model": clf}, os.path.join(cfg["artifacts_dir"], "intent_tfidf_lr.joblib"))


if __name__ == "__main__":
    main()
