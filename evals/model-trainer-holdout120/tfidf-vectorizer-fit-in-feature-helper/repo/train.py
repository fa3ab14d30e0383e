"""Train the TF-IDF + logistic regression queue router.

    python train.py --config config.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

from features import build_text, make_tfidf_features


def load_tickets(path, queues):
    df = pd.read_csv(path, parse_dates=["created_at"])
    df = df.dropna(subset=["queue", "body"])
    df = df[df["queue"].isin(queues)].reset_index(drop=True)
    return df


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))

    df = load_tickets(cfg["data_path"], cfg["queues"])
    print(f"{len(df)} tickets, queue distribution:")
    print(df["queue"].value_counts(normalize=True).round(3))

    texts = build_text(df)
    X, vectorizer = make_tfidf_features(texts, cfg["tfidf"])
    y = df["queue"].values

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    clf = LogisticRegression(
        C=cfg["clf"]["C"],
        max_iter=cfg["clf"]["max_iter"],
        class_weight="balanced",
        random_state=cfg["seed"],
    )
    clf.fit(X_train, y_train)

    y_pred = clf.predict(X_test)
    print(classification_report(y_test, y_pred, digits=3))
    macro_f1 = f1_score(y_test, y_pred, average="macro")
    print(f"macro F1 (test): {macro_f1:.4f}")

    out = Path(cfg["model_out"])
    out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"vectorizer": vectorizer, "clf": clf}, out)
    with open(out.with_suffix(".metrics.json"), "w") as f:
        json.dump({"macro_f1": macro_f1, "n_test": int(len(y_test))}, f, indent=2)


if __name__ == "__main__":
    main()
