"""Train and evaluate the loan default model.

The test split is created first and used exactly once, after model selection and threshold
choice have been made on the training split with cross-validation.
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    classification_report,
    confusion_matrix,
    precision_recall_curve,
    roc_auc_score,
)
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

log = logging.getLogger("train")


def build_preprocessor(numeric: list[str], categorical: list[str]) -> ColumnTransformer:
    numeric_steps = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    categorical_steps = Pipeline([
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("onehot", OneHotEncoder(handle_unknown="ignore", min_frequency=20)),
    ])
    return ColumnTransformer([("num", numeric_steps, numeric), ("cat", categorical_steps, categorical)])


def choose_threshold(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Threshold that maximises F1 on out-of-fold training scores."""
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-12, None)
    return float(thresholds[np.argmax(f1[:-1])])


def evaluate(name: str, y_true: np.ndarray, scores: np.ndarray, threshold: float) -> dict:
    pred = (scores >= threshold).astype(int)
    metrics = {
        "roc_auc": roc_auc_score(y_true, scores),
        "pr_auc": average_precision_score(y_true, scores),
        "brier": brier_score_loss(y_true, scores),
        "threshold": threshold,
        "confusion_matrix": confusion_matrix(y_true, pred).tolist(),
    }
    log.info("%s\n%s", name, classification_report(y_true, pred, digits=3, zero_division=0))
    return metrics


def main(config_path: str) -> None:
    cfg = json.loads(Path(config_path).read_text())
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    seed = cfg["seed"]

    df = pd.read_csv(cfg["data_path"])
    X = df[cfg["numeric"] + cfg["categorical"]]
    y = df[cfg["target"]].to_numpy()
    log.info("%d rows, positive rate %.3f", len(df), y.mean())

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed
    )
    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=seed)
    preprocessor = build_preprocessor(cfg["numeric"], cfg["categorical"])

    pipeline = Pipeline([("prep", preprocessor), ("model", HistGradientBoostingClassifier(random_state=seed))])
    search = GridSearchCV(pipeline, cfg["param_grid"], cv=cv, scoring="average_precision", n_jobs=-1)
    search.fit(X_train, y_train)
    log.info("best params %s, CV PR AUC %.4f", search.best_params_, search.best_score_)

    oof_scores = cross_val_predict(search.best_estimator_, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
    threshold = choose_threshold(y_train, oof_scores)

    simple = Pipeline([("prep", preprocessor), ("model", LogisticRegression(C=1.0, max_iter=5000))])
    simple.fit(X_train, y_train)
    dummy = DummyClassifier(strategy="prior").fit(X_train, y_train)

    report = {
        "best_params": search.best_params_,
        "cv_pr_auc": search.best_score_,
        "test": evaluate("gradient boosting", y_test, search.predict_proba(X_test)[:, 1], threshold),
        "logistic_baseline": evaluate("logistic regression", y_test, simple.predict_proba(X_test)[:, 1], threshold),
        "prior_baseline_pr_auc": average_precision_score(y_test, dummy.predict_proba(X_test)[:, 1]),
    }
    (out / "metrics.json").write_text(json.dumps(report, indent=2))
    joblib.dump({"model": search.best_estimator_, "threshold": threshold}, out / "model.joblib")
    log.info("wrote %s", out)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", default="config.json")
    main(parser.parse_args().config)
