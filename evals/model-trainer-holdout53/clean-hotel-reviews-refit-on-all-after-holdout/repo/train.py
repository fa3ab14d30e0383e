"""Hold-out evaluation of the hotel review sentiment model, then export a model refit on all reviews."""
import argparse
import json
from datetime import date

import joblib
import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split

from hotel_reviews.data import load
from hotel_reviews.model import build_pipeline


def evaluate(name, y_true, y_pred):
    scores = {"macro_f1": f1_score(y_true, y_pred, average="macro"),
              "balanced_accuracy": balanced_accuracy_score(y_true, y_pred)}
    print(f"{name:>10}: " + "  ".join(f"{k}={v:.4f}" for k, v in scores.items()))
    return scores


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.json")
    parser.add_argument("--no-export", action="store_true")
    args = parser.parse_args()
    cfg = json.load(open(args.config))
    np.random.seed(cfg["seed"])

    df = load(cfg["data_path"])
    X_train, X_test, y_train, y_test = train_test_split(
        df["doc"], df["sentiment"], test_size=cfg["test_size"], stratify=df["sentiment"],
        random_state=cfg["seed"])

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    holdout = {"baseline": evaluate("majority", y_test, baseline.predict(X_test))}

    pipe = build_pipeline(cfg["vectorizer"], cfg["model"], cfg["seed"]).fit(X_train, y_train)
    test_pred = pipe.predict(X_test)
    holdout["model"] = evaluate("tfidf_svm", y_test, test_pred)
    print(classification_report(y_test, test_pred, digits=3))

    if args.no_export:
        return

    # Production model: same configuration, trained on every labelled review.
    final = build_pipeline(cfg["vectorizer"], cfg["model"], cfg["seed"]).fit(df["doc"], df["sentiment"])
    card = {
        "trained_on": int(len(df)),
        "holdout_metrics": holdout,
        "holdout_size": int(len(X_test)),
        "config": cfg,
        "date": date.today().isoformat(),
    }
    joblib.dump({"pipeline": final, "card": card}, cfg["export_path"])
    print("exported", cfg["export_path"])


if __name__ == "__main__":
    main()
