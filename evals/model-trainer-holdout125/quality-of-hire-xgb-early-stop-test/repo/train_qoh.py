#!/usr/bin/env python
"""Quality-of-hire model.

Predicts whether a new hire is rated "Exceeds" or "Outstanding" at their first annual review,
using only information available at offer time (assessments, interview panel scores, sourcing).
"""
import argparse
import json
import random

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score, average_precision_score, brier_score_loss
from sklearn.model_selection import train_test_split

PRE_HIRE_FEATURES = [
    "cognitive_assessment", "work_sample_score", "structured_interview_avg",
    "interview_panel_spread", "num_interviews", "referral", "years_experience",
    "prior_employers", "education_level", "offer_compa_ratio", "days_to_offer",
    "recruiter_rating", "hiring_manager_rating",
]
CATEGORICAL = ["source_channel", "job_family", "req_level"]


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hires", default="data/hires_2019_2022_with_first_review.csv")
    ap.add_argument("--max-depth", type=int, default=4)
    ap.add_argument("--eta", type=float, default=0.05)
    ap.add_argument("--rounds", type=int, default=3000)
    ap.add_argument("--patience", type=int, default=150)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", default="models/qoh_xgb.json")
    return ap.parse_args()


def load(path):
    df = pd.read_csv(path)
    df = df[df["first_review_rating"].notna()]
    df["high_performer"] = df["first_review_rating"].isin(["Exceeds", "Outstanding"]).astype(int)
    df["referral"] = df["referral"].fillna(0).astype(int)
    for c in CATEGORICAL:
        df[c] = df[c].fillna("unknown").astype("category")
    return df


def main():
    args = parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)

    df = load(args.hires)
    X = df[PRE_HIRE_FEATURES + CATEGORICAL]
    y = df["high_performer"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=args.seed
    )

    clf = xgb.XGBClassifier(
        n_estimators=args.rounds,
        max_depth=args.max_depth,
        learning_rate=args.eta,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=5,
        tree_method="hist",
        enable_categorical=True,
        eval_metric="auc",
        early_stopping_rounds=args.patience,
        random_state=args.seed,
    )
    clf.fit(X_train, y_train, eval_set=[(X_train, y_train), (X_test, y_test)], verbose=250)

    p = clf.predict_proba(X_test)[:, 1]
    report = {
        "best_iteration": int(clf.best_iteration),
        "test_auc": round(roc_auc_score(y_test, p), 4),
        "test_ap": round(average_precision_score(y_test, p), 4),
        "test_brier": round(brier_score_loss(y_test, p), 4),
        "n_train": len(X_train),
        "n_test": len(X_test),
    }
    print(json.dumps(report, indent=2))
    clf.save_model(args.out)


if __name__ == "__main__":
    main()
