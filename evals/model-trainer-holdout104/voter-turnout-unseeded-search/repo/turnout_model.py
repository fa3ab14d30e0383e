"""Validated-turnout model for the post-election survey.

Predicts whether a respondent's vote was validated against the voter file (2022 general),
used to build likely-voter weights for the next pre-election wave.
"""
import argparse

import joblib
import numpy as np
import pandas as pd
from scipy.stats import randint, uniform
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

NUMERIC = ["age", "years_at_address", "political_interest", "n_prior_validated", "news_days_week"]
CATEGORICAL = ["educ", "race", "gender", "pid7", "state_fips", "church_attend", "homeowner", "union_hh"]


def make_pipeline(clf) -> Pipeline:
    pre = ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=30), CATEGORICAL),
    ])
    return Pipeline([("pre", pre), ("clf", clf)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/post_election_2022_validated.csv")
    ap.add_argument("--out", default="models/turnout_rf.joblib")
    args = ap.parse_args()

    df = pd.read_csv(args.data)
    df = df[df["vv_matched"] == 1]
    X, y = df[NUMERIC + CATEGORICAL], df["vv_turnout_gen22"].astype(int)
    w = df["commonweight"]

    X_tr, X_te, y_tr, y_te, w_tr, w_te = train_test_split(X, y, w, test_size=0.25, stratify=y)

    search = RandomizedSearchCV(
        make_pipeline(RandomForestClassifier(n_jobs=-1)),
        param_distributions={
            "clf__n_estimators": randint(200, 800),
            "clf__max_depth": randint(4, 20),
            "clf__min_samples_leaf": randint(5, 60),
            "clf__max_features": uniform(0.1, 0.6),
        },
        n_iter=30,
        scoring="roc_auc",
        cv=StratifiedKFold(n_splits=5, shuffle=True),
        n_jobs=-1,
    )
    search.fit(X_tr, y_tr, clf__sample_weight=w_tr)
    print("best params:", search.best_params_, "cv auc:", round(search.best_score_, 4))

    logit = make_pipeline(LogisticRegression(max_iter=2000)).fit(X_tr, y_tr, clf__sample_weight=w_tr)

    for name, model in [("logit", logit), ("rf", search.best_estimator_)]:
        p = model.predict_proba(X_te)[:, 1]
        print(
            f"{name:>5}  AUC={roc_auc_score(y_te, p, sample_weight=w_te):.4f}"
            f"  AP={average_precision_score(y_te, p, sample_weight=w_te):.4f}"
            f"  Brier={brier_score_loss(y_te, p, sample_weight=w_te):.4f}"
        )

    joblib.dump(search.best_estimator_, args.out)


if __name__ == "__main__":
    main()
