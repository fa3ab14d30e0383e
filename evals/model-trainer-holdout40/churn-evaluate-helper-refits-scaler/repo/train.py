"""Train the churn model.

usage: python train.py --data data/churn.csv --out artifacts/
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_curve
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from src.data import load_dataset, split
from src.evaluate import evaluate
from src.features import fit_scaler

SEED = 17
log = logging.getLogger("churn")


def pick_threshold(y_true, proba):
    precision, recall, thresholds = precision_recall_curve(y_true, proba)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    return float(thresholds[np.argmax(f1[:-1])])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", default="artifacts")
    parser.add_argument("--test-size", type=float, default=0.2)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    np.random.seed(SEED)

    df = load_dataset(args.data)
    X_train, X_test, y_train, y_test = split(df, args.test_size, SEED)

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    candidates = {
        "dummy": DummyClassifier(strategy="prior"),
        "logreg": LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced"),
        "forest": RandomForestClassifier(
            n_estimators=400,
            min_samples_leaf=5,
            class_weight="balanced_subsample",
            random_state=SEED,
            n_jobs=-1,
        ),
    }
    cv_scores = {}
    for name, est in candidates.items():
        pipe = make_pipeline(StandardScaler(), est)
        scores = cross_val_score(pipe, X_train, y_train, cv=cv, scoring="average_precision")
        cv_scores[name] = float(scores.mean())
        log.info("%-7s cv AP %.4f +- %.4f", name, scores.mean(), scores.std())

    best_name = max((n for n in cv_scores if n != "dummy"), key=cv_scores.get)
    log.info("selected %s by cross-validation", best_name)

    # operating threshold from out-of-fold predictions on the training split
    oof = cross_val_predict(
        make_pipeline(StandardScaler(), candidates[best_name]),
        X_train, y_train, cv=cv, method="predict_proba",
    )[:, 1]
    threshold = pick_threshold(y_train, oof)

    scaler = fit_scaler(X_train)
    model = candidates[best_name].fit(scaler.transform(X_train), y_train)

    report = evaluate(model, scaler, X_test, y_test, threshold)
    report["model"] = best_name
    report["cv_average_precision"] = cv_scores
    log.info("hold-out: %s", report)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"scaler": scaler, "model": model, "threshold": threshold}, out / "churn.joblib")
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
