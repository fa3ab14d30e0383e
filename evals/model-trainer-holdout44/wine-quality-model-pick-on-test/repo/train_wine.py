"""Homework 4 - Predicting good red wines (quality >= 7).

Trains several classifiers and saves the best one to models/best_wine_model.joblib.
"""
import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

from candidates import build_candidates

SEED = 11
DATA_PATH = Path("data/winequality-red.csv")
OUT_DIR = Path("models")


def load_data():
    wine = pd.read_csv(DATA_PATH, sep=";")
    wine["good"] = (wine["quality"] >= 7).astype(int)
    X = wine.drop(columns=["quality", "good"])
    y = wine["good"]
    print(f"{len(wine)} wines, {y.mean():.1%} rated good")
    return X, y


def evaluate(model, X, y):
    proba = model.predict_proba(X)[:, 1]
    pred = model.predict(X)
    return {
        "f1": f1_score(y, pred, zero_division=0),
        "roc_auc": roc_auc_score(y, proba),
        "balanced_acc": balanced_accuracy_score(y, pred),
    }


def main():
    X, y = load_data()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=SEED
    )

    results = {}
    best_name, best_model, best_f1 = None, None, -1.0
    for name, model in build_candidates(SEED).items():
        model.fit(X_train, y_train)
        scores = evaluate(model, X_test, y_test)
        results[name] = scores
        print(f"{name:<18} f1={scores['f1']:.3f} auc={scores['roc_auc']:.3f} "
              f"bal_acc={scores['balanced_acc']:.3f}")
        if scores["f1"] > best_f1:
            best_name, best_model, best_f1 = name, model, scores["f1"]

    print(f"\nBest model: {best_name} (test F1 = {best_f1:.3f})")
    OUT_DIR.mkdir(exist_ok=True)
    joblib.dump(best_model, OUT_DIR / "best_wine_model.joblib")
    with open(OUT_DIR / "results.json", "w") as f:
        json.dump({"best": best_name, "test_scores": results}, f, indent=2)


if __name__ == "__main__":
    main()
