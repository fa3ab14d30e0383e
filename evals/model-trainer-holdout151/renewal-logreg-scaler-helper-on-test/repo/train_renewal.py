"""Annual-plan renewal propensity.

One row per active annual subscription on the 2023-03-31 snapshot; label is
whether it renewed at its next renewal date. Scores feed the CSM outreach list
(lowest-propensity accounts get a call 60 days before renewal).
"""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 13
TARGET = "renewed"
NUM_COLS = [
    "tenure_months",
    "monthly_price",
    "logins_30d",
    "logins_90d",
    "logins_trend",
    "seats_used_pct",
    "support_tickets_90d",
    "failed_payments_12m",
    "discount_pct",
    "nps_last",
]
BIN_COLS = ["auto_renew_on", "has_mobile_app", "paid_by_card", "referred"]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["signup_date", "next_renewal_date"])
    df = df.drop_duplicates("subscription_id")
    # NPS is only asked once a year; treat "never answered" as passive
    df["nps_last"] = df["nps_last"].fillna(7)
    df["logins_trend"] = df["logins_30d"] / (df["logins_90d"] / 3 + 1)
    df[BIN_COLS] = df[BIN_COLS].astype(int)
    return df


def scale_numeric(frame: pd.DataFrame, cols):
    scaler = StandardScaler()
    out = frame.copy()
    out[cols] = scaler.fit_transform(frame[cols])
    return out, scaler


def evaluate(y_true, proba) -> dict:
    return {
        "roc_auc": round(roc_auc_score(y_true, proba), 4),
        "pr_auc_lapse": round(average_precision_score(1 - y_true, 1 - proba), 4),
        "brier": round(brier_score_loss(y_true, proba), 4),
        "base_rate": round(float(np.mean(y_true)), 4),
    }


def main(args):
    df = load(args.data)
    print(df[TARGET].value_counts(normalize=True))

    train_df, test_df = train_test_split(
        df, test_size=0.25, stratify=df[TARGET], random_state=SEED
    )

    train_df, scaler = scale_numeric(train_df, NUM_COLS)
    test_df, _ = scale_numeric(test_df, NUM_COLS)

    features = NUM_COLS + BIN_COLS
    clf = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000)
    clf.fit(train_df[features], train_df[TARGET])

    proba = clf.predict_proba(test_df[features])[:, 1]
    metrics = evaluate(test_df[TARGET].to_numpy(), proba)
    print(json.dumps(metrics, indent=2))

    coefs = pd.Series(clf.coef_[0], index=features).sort_values()
    print(coefs.to_string())

    joblib.dump({"model": clf, "scaler": scaler, "features": features}, args.out)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/renewals_snapshot_2023q1.csv")
    p.add_argument("--C", type=float, default=0.5)
    p.add_argument("--out", default="renewal_logreg.joblib")
    main(p.parse_args())
