"""Subject-independent SVM baseline for six-class activity recognition."""
import argparse
import json

import joblib
import numpy as np
import tomli
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.svm import SVC

from har.features import extract_features, normalize_features
from har.io import ACTIVITIES, load_windows


def evaluate(name, model, X_te, y_te):
    pred = model.predict(X_te)
    scores = {
        "macro_f1": round(f1_score(y_te, pred, average="macro"), 4),
        "balanced_acc": round(balanced_accuracy_score(y_te, pred), 4),
    }
    print(f"{name:>10}: {scores}")
    return scores, pred


def main(cfg_path):
    with open(cfg_path, "rb") as f:
        cfg = tomli.load(f)

    windows, labels, subjects = load_windows(cfg["data"]["root"])
    print(f"windows={windows.shape} subjects={len(np.unique(subjects))}")

    feats = extract_features(windows, fs=cfg["data"]["fs"])
    feats, scaler = normalize_features(feats)

    splitter = GroupShuffleSplit(
        n_splits=1, test_size=cfg["split"]["test_size"], random_state=cfg["split"]["seed"]
    )
    train_idx, test_idx = next(splitter.split(feats, labels, groups=subjects))
    X_tr, X_te = feats[train_idx], feats[test_idx]
    y_tr, y_te = labels[train_idx], labels[test_idx]
    print(f"train subjects: {sorted(set(subjects[train_idx]))}")
    print(f"test subjects:  {sorted(set(subjects[test_idx]))}")

    results = {}
    dummy = DummyClassifier(strategy="stratified", random_state=0).fit(X_tr, y_tr)
    results["dummy"], _ = evaluate("dummy", dummy, X_te, y_te)

    logreg = LogisticRegression(max_iter=2000, C=1.0).fit(X_tr, y_tr)
    results["logreg"], _ = evaluate("logreg", logreg, X_te, y_te)

    svm = SVC(
        C=cfg["svm"]["C"],
        gamma=cfg["svm"]["gamma"],
        kernel=cfg["svm"]["kernel"],
        class_weight=cfg["svm"]["class_weight"],
    ).fit(X_tr, y_tr)
    results["svm"], pred = evaluate("svm", svm, X_te, y_te)

    cm = confusion_matrix(y_te, pred)
    for name, row in zip(ACTIVITIES, cm):
        print(f"{name:>11} {row}")

    joblib.dump({"scaler": scaler, "model": svm}, "svm_har.joblib")
    with open("results.json", "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="params.toml")
    main(parser.parse_args().config)
