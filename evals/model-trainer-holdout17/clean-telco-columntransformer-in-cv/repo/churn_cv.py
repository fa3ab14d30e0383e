"""Telco churn: compare candidate models with cross-validation, then score the winner once on the holdout."""
import argparse
import json
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("churn")

RANDOM_STATE = 404
NUMERIC = ["tenure", "MonthlyCharges", "TotalCharges"]
CATEGORICAL = ["Contract", "InternetService", "PaymentMethod", "PaperlessBilling",
               "OnlineSecurity", "TechSupport", "Partner", "Dependents", "SeniorCitizen"]

# Unfitted template; cloned inside every CV fold by the Pipeline below.
preprocess = ColumnTransformer([
    ("num", Pipeline([("impute", SimpleImputer(strategy="median")),
                      ("scale", StandardScaler())]), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
])


def candidates():
    return {
        "dummy_prior": DummyClassifier(strategy="prior"),
        "logreg": Pipeline([("prep", preprocess),
                            ("clf", LogisticRegression(C=0.5, max_iter=2000))]),
        "hgb": Pipeline([("prep", preprocess),
                         ("clf", HistGradientBoostingClassifier(learning_rate=0.05, max_iter=250,
                                                                max_leaf_nodes=15,
                                                                random_state=RANDOM_STATE))]),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/telco_churn.csv")
    ap.add_argument("--model-out", default="models/churn.joblib")
    args = ap.parse_args()

    df = pd.read_csv(args.csv)
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"], errors="coerce")
    df["SeniorCitizen"] = df["SeniorCitizen"].map({0: "no", 1: "yes"})
    y = (df.pop("Churn") == "Yes").astype(int)
    X = df[NUMERIC + CATEGORICAL]

    X_dev, X_hold, y_dev, y_hold = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=RANDOM_STATE)

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=RANDOM_STATE)
    scoring = {"roc_auc": "roc_auc", "pr_auc": "average_precision", "neg_log_loss": "neg_log_loss"}
    cv_summary = {}
    for name, est in candidates().items():
        res = cross_validate(est, X_dev, y_dev, cv=folds, scoring=scoring, n_jobs=-1)
        cv_summary[name] = {k: float(np.mean(res[f"test_{k}"])) for k in scoring}
        log.info("%-12s %s", name, cv_summary[name])

    winner = max((n for n in cv_summary if n != "dummy_prior"), key=lambda n: cv_summary[n]["pr_auc"])
    log.info("selected %s on CV PR-AUC", winner)

    final = candidates()[winner].fit(X_dev, y_dev)
    reference = candidates()["dummy_prior"].fit(X_dev, y_dev)
    holdout = {}
    for name, est in ((winner, final), ("dummy_prior", reference)):
        p = est.predict_proba(X_hold)[:, 1]
        holdout[name] = {"roc_auc": roc_auc_score(y_hold, p),
                         "pr_auc": average_precision_score(y_hold, p),
                         "brier": brier_score_loss(y_hold, p)}

    joblib.dump(final, args.model_out)
    print(json.dumps({"cv": cv_summary, "selected": winner, "holdout": holdout}, indent=2))


if __name__ == "__main__":
    main()
