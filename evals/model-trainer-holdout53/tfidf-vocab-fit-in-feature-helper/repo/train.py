"""Train the review sentiment classifier (TF-IDF + logistic regression)."""
import json
import os

import joblib
import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

from review_sentiment.data import load_reviews
from review_sentiment.features import build_features


def main(config_path="config.yaml"):
    with open(config_path) as fh:
        cfg = yaml.safe_load(fh)
    np.random.seed(cfg["seed"])

    dcfg = cfg["data"]
    df = load_reviews(dcfg["path"], dcfg["text_column"], dcfg["label_column"])
    print(f"{len(df)} reviews, positive rate {df[dcfg['label_column']].mean():.3f}")

    X, vectorizer = build_features(df[dcfg["text_column"]].tolist(), cfg["features"])
    y = df[dcfg["label_column"]].values

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=dcfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    mcfg = cfg["model"]
    clf = LogisticRegression(
        C=mcfg["C"],
        max_iter=mcfg["max_iter"],
        class_weight=mcfg["class_weight"],
        solver="liblinear",
    )
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    metrics = {
        "f1": f1_score(y_test, pred),
        "roc_auc": roc_auc_score(y_test, proba),
        "n_features": int(X.shape[1]),
    }
    print(classification_report(y_test, pred, digits=3))
    print(json.dumps(metrics, indent=2))

    os.makedirs(cfg["output_dir"], exist_ok=True)
    joblib.dump({"vectorizer": vectorizer, "model": clf}, os.path.join(cfg["output_dir"], "model.joblib"))
    with open(os.path.join(cfg["output_dir"], "metrics.json"), "w") as fh:
        json.dump(metrics, fh, indent=2)


if __name__ == "__main__":
    main()
