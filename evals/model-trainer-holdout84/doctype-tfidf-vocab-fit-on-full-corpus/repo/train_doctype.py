"""Train a document-type classifier (invoice / receipt / letter / form / ...) on OCR text."""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, balanced_accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

from doctype.data import load_pages
from doctype.features import OcrTextFeaturizer


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.yaml")
    return p.parse_args()


def main():
    args = parse_args()
    cfg = yaml.safe_load(open(args.config))
    np.random.seed(cfg["split"]["seed"])

    df = load_pages(cfg["data"]["ocr_jsonl"], cfg["data"]["labels_csv"], cfg["data"]["min_chars"])
    print(f"{len(df)} documents, {df['doc_type'].nunique()} classes")
    print(df["doc_type"].value_counts().to_string())

    label_enc = LabelEncoder()
    y = label_enc.fit_transform(df["doc_type"])

    featurizer = OcrTextFeaturizer(cfg["features"])
    X = featurizer.fit_transform(df["text"].tolist())

    X_train, X_test, y_train, y_test = train_test_split(
        X, y,
        test_size=cfg["split"]["test_size"],
        stratify=y,
        random_state=cfg["split"]["seed"],
    )

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    clf = LogisticRegression(
        C=cfg["model"]["C"],
        max_iter=cfg["model"]["max_iter"],
        class_weight="balanced",
    )
    clf.fit(X_train, y_train)

    results = {}
    for name, model in [("majority", baseline), ("logreg_tfidf", clf)]:
        pred = model.predict(X_test)
        results[name] = {
            "macro_f1": f1_score(y_test, pred, average="macro"),
            "balanced_acc": balanced_accuracy_score(y_test, pred),
        }
        print(name, json.dumps(results[name], indent=2))

    print(classification_report(y_test, clf.predict(X_test), target_names=label_enc.classes_))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"featurizer": featurizer, "model": clf, "labels": label_enc.classes_}, out / "model.joblib")
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
