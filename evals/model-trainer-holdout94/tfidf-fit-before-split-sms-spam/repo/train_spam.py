"""Train the SMS spam filter used by the messaging gateway.

Reads the labelled export (columns v1=label, v2=message) and writes the fitted
vectorizer + classifier bundle and a metrics file to the output directory.
"""
import argparse
import json
import re
from pathlib import Path

import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, classification_report,
                             f1_score, roc_auc_score)
from sklearn.model_selection import train_test_split

SEED = 13
URL_RE = re.compile(r"https?://\S+|www\.\S+")
PHONE_RE = re.compile(r"\b\d{5,}\b")
MONEY_RE = re.compile(r"[£$€]\s?\d+(?:[.,]\d+)?")


def normalise(text: str) -> str:
    text = text.lower()
    text = URL_RE.sub(" __url__ ", text)
    text = MONEY_RE.sub(" __money__ ", text)
    text = PHONE_RE.sub(" __longnum__ ", text)
    return re.sub(r"\s+", " ", text).strip()


def load_messages(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, encoding="latin-1")
    df = df.rename(columns={"v1": "label", "v2": "message"})[["label", "message"]]
    df = df.dropna().drop_duplicates(subset="message")
    df["y"] = (df["label"] == "spam").astype(int)
    df["clean"] = df["message"].map(normalise)
    return df.reset_index(drop=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/sms_labelled.csv")
    parser.add_argument("--out", default="models")
    parser.add_argument("--C", type=float, default=4.0)
    args = parser.parse_args()

    df = load_messages(Path(args.data))
    print(f"{len(df)} messages, spam rate {df['y'].mean():.3f}")

    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, max_df=0.95, sublinear_tf=True, max_features=50_000
    )
    X = vectorizer.fit_transform(df["clean"])
    y = df["y"].values

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    clf = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000)
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    preds = (proba >= 0.5).astype(int)
    metrics = {
        "roc_auc": roc_auc_score(y_test, proba),
        "avg_precision": average_precision_score(y_test, proba),
        "f1": f1_score(y_test, preds),
        "baseline_avg_precision": average_precision_score(
            y_test, baseline.predict_proba(X_test)[:, 1]
        ),
    }
    print(classification_report(y_test, preds, target_names=["ham", "spam"], digits=3))
    print(json.dumps(metrics, indent=2))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"vectorizer": vectorizer, "model": clf}, out / "spam_filter.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
