"""Early-warning model for student dropout.

The raw export has one column per standardised test taken in the first term
(test_score_math, test_score_reading, ...), plus test_attempts and pretest_grade.
"""
import argparse
import json
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, recall_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 1337
TARGET = "dropped_out"
CATEGORICAL = ["program", "campus", "enrollment_type"]
logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("dropout")


def add_row_features(df):
    test_cols = [c for c in df.columns if c.startswith("test_score_")]
    # row-wise summaries of the student's own exam results (no cross-row statistics)
    df["test_score_mean"] = df[test_cols].mean(axis=1)
    df["test_score_min"] = df[test_cols].min(axis=1)
    df["tests_missing"] = df[test_cols].isna().sum(axis=1)
    df["credits_ratio"] = df["credits_passed"] / df["credits_enrolled"].replace(0, np.nan)
    return df


def test_feature_frame_has_no_target(frame):
    assert TARGET not in frame.columns, "target leaked into the feature frame"
    assert not any(c.startswith("dropout_") for c in frame.columns)


def make_pipeline(numeric, estimator):
    pre = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
    ])
    return Pipeline([("pre", pre), ("clf", estimator)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/students_term1.csv")
    ap.add_argument("--model-out", default="dropout_model.joblib")
    args = ap.parse_args()
    np.random.seed(SEED)

    students = add_row_features(pd.read_csv(args.csv))
    y = students[TARGET].astype(int)
    test_features = students.drop(columns=[TARGET, "student_id"])
    test_feature_frame_has_no_target(test_features)
    numeric = [c for c in test_features.columns if c not in CATEGORICAL]

    X_tr, X_ho, y_tr, y_ho = train_test_split(
        test_features, y, test_size=0.2, stratify=y, random_state=SEED)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)

    searches = {
        "logreg": GridSearchCV(
            make_pipeline(numeric, LogisticRegression(max_iter=3000, class_weight="balanced")),
            {"clf__C": [0.01, 0.1, 1.0, 10.0]}, scoring="average_precision", cv=cv, n_jobs=-1),
        "gbm": GridSearchCV(
            make_pipeline(numeric, GradientBoostingClassifier(random_state=SEED)),
            {"clf__max_depth": [2, 3], "clf__n_estimators": [200, 400], "clf__learning_rate": [0.05, 0.1]},
            scoring="average_precision", cv=cv, n_jobs=-1),
    }
    for name, s in searches.items():
        s.fit(X_tr, y_tr)
        log.info("%s: CV AP %.4f %s", name, s.best_score_, s.best_params_)
    best_name = max(searches, key=lambda n: searches[n].best_score_)
    best = searches[best_name].best_estimator_

    # threshold from out-of-fold probabilities on the training split only
    oof = cross_val_predict(best, X_tr, y_tr, cv=cv, method="predict_proba")[:, 1]
    prec, rec, thr = precision_recall_curve(y_tr, oof)
    f1 = 2 * prec * rec / np.clip(prec + rec, 1e-9, None)
    threshold = float(thr[np.argmax(f1[:-1])])

    proba = best.predict_proba(X_ho)[:, 1]
    pred = (proba >= threshold).astype(int)
    baseline = DummyClassifier(strategy="prior").fit(X_tr, y_tr)
    report = {
        "model": best_name,
        "threshold": threshold,
        "roc_auc": roc_auc_score(y_ho, proba),
        "avg_precision": average_precision_score(y_ho, proba),
        "recall": recall_score(y_ho, pred),
        "f1": f1_score(y_ho, pred),
        "baseline_avg_precision": average_precision_score(y_ho, baseline.predict_proba(X_ho)[:, 1]),
    }
    log.info(json.dumps(report, indent=2))
    joblib.dump({"pipeline": best, "threshold": threshold}, args.model_out)


if __name__ == "__main__":
    main()
