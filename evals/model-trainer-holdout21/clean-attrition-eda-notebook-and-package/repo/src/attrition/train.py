"""python -m attrition.train --csv data/hr_snapshot.csv"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.decomposition import PCA
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, balanced_accuracy_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .columns import NOMINAL, NUMERIC, ORDINAL, TARGET

SEED = 8080
log = logging.getLogger("attrition")


def preprocess() -> ColumnTransformer:
    return ColumnTransformer([
        ("num", StandardScaler(), NUMERIC + ORDINAL),
        ("nom", OneHotEncoder(handle_unknown="ignore"), NOMINAL),
    ], sparse_threshold=0.0)


def candidates() -> dict:
    return {
        "majority": Pipeline([("prep", preprocess()), ("clf", DummyClassifier(strategy="prior"))]),
        "logreg_pca": Pipeline([("prep", preprocess()), ("pca", PCA(n_components=12, random_state=SEED)),
                                ("clf", LogisticRegression(C=0.3, class_weight="balanced", max_iter=2000))]),
        "logreg": Pipeline([("prep", preprocess()),
                            ("clf", LogisticRegression(C=0.3, class_weight="balanced", max_iter=2000))]),
        "forest": Pipeline([("prep", preprocess()),
                            ("clf", RandomForestClassifier(n_estimators=600, min_samples_leaf=4, max_features="sqrt",
                                                           class_weight="balanced", random_state=SEED, n_jobs=-1))]),
    }


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/hr_snapshot.csv")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()

    df = pd.read_csv(args.csv)
    X, y = df[NUMERIC + ORDINAL + NOMINAL], df[TARGET].astype(int)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)

    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    scoring = ["roc_auc", "average_precision", "balanced_accuracy"]
    board = {}
    for name, pipe in candidates().items():
        res = cross_validate(pipe, X_tr, y_tr, cv=skf, scoring=scoring)
        board[name] = {s: float(np.mean(res[f"test_{s}"])) for s in scoring}
        log.info("%-11s %s", name, board[name])
    best_name = max((n for n in board if n != "majority"), key=lambda n: board[n]["average_precision"])

    best = candidates()[best_name].fit(X_tr, y_tr)
    proba = best.predict_proba(X_te)[:, 1]
    test = {"model": best_name, "roc_auc": roc_auc_score(y_te, proba), "pr_auc": average_precision_score(y_te, proba),
            "balanced_accuracy": balanced_accuracy_score(y_te, best.predict(X_te))}
    majority = candidates()["majority"].fit(X_tr, y_tr)
    test["majority_pr_auc"] = average_precision_score(y_te, majority.predict_proba(X_te)[:, 1])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(best, out / "attrition.joblib")
    (out / "leaderboard.json").write_text(json.dumps({"cv": board, "test": test}, indent=2))
    log.info("test %s", test)


if __name__ == "__main__":
    main()
