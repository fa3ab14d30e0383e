"""
Booking cancellation classifier (Resort + City hotel).

    python train_cancel.py --data data/hotel_bookings.csv --out models/cancel_hgb.joblib
"""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, TargetEncoder

SEED = 8

HIGH_CARD = ["country", "agent", "company"]
LOW_CARD = ["hotel", "meal", "market_segment", "distribution_channel", "deposit_type",
            "customer_type", "reserved_room_type", "arrival_date_month"]
NUMERIC = ["lead_time", "arrival_date_week_number", "stays_in_weekend_nights",
           "stays_in_week_nights", "adults", "children", "babies", "is_repeated_guest",
           "previous_cancellations", "previous_bookings_not_canceled", "booking_changes",
           "days_in_waiting_list", "adr", "required_car_parking_spaces",
           "total_of_special_requests"]
# status fields are filled in after arrival/cancellation, assigned room is set at check-in
POST_EVENT = ["reservation_status", "reservation_status_date", "assigned_room_type"]


def load(path):
    df = pd.read_csv(path).drop(columns=POST_EVENT)
    df["children"] = df["children"].fillna(0)
    for c in ["agent", "company"]:
        df[c] = df[c].fillna(-1).astype(int).astype(str)
    df["country"] = df["country"].fillna("UNK")
    return df


def build_pipeline():
    pre = ColumnTransformer(
        [
            ("te", TargetEncoder(target_type="binary", smooth="auto", cv=5, random_state=SEED), HIGH_CARD),
            ("ohe", OneHotEncoder(handle_unknown="ignore", sparse_output=False), LOW_CARD),
            ("num", "passthrough", NUMERIC),
        ]
    )
    model = HistGradientBoostingClassifier(max_iter=500, early_stopping=False, random_state=SEED)
    return Pipeline([("pre", pre), ("hgb", model)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/hotel_bookings.csv")
    ap.add_argument("--out", default="models/cancel_hgb.joblib")
    args = ap.parse_args()

    df = load(args.data)
    X = df[HIGH_CARD + LOW_CARD + NUMERIC]
    y = df["is_canceled"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    grid = {
        "hgb__learning_rate": [0.03, 0.06, 0.1],
        "hgb__max_leaf_nodes": [31, 63, 127],
        "hgb__l2_regularization": [0.0, 1.0],
    }
    search = GridSearchCV(
        build_pipeline(),
        grid,
        scoring="roc_auc",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
        n_jobs=-1,
        refit=True,
    )
    search.fit(X_train, y_train)
    print("best params:", search.best_params_, "cv auc:", round(search.best_score_, 4))

    proba = search.predict_proba(X_test)[:, 1]
    report = {
        "test_roc_auc": float(roc_auc_score(y_test, proba)),
        "test_pr_auc": float(average_precision_score(y_test, proba)),
        "cv_roc_auc": float(search.best_score_),
    }
    print(json.dumps(report, indent=2))
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
    joblib.dump(search.best_estimator_, args.out)


if __name__ == "__main__":
    main()
