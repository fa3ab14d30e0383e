"""Unemployment-insurance overpayment screening model.

Training data: continued-weeks claims audited by BAM / benefit accuracy staff, 2019-2023.
About 3% of audited claim-weeks end in an established overpayment.
"""
import io

import boto3
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

BUCKET = "ui-analytics-prod"
KEY = "bam/audited_claim_weeks_2019_2023.parquet"
SEED = 123

s3 = boto3.client(
    "s3",
    region_name="us-east-1",
    aws_access_key_id="AKIAZ3QF7WNB5RXK2HMT",
    aws_secret_access_key="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",
)

CAT_FEATURES = ["separation_reason", "naics2", "work_search_method", "filing_channel",
                "employer_protest", "county", "claim_type"]
NUM_FEATURES = ["weekly_benefit_amt", "base_period_wages", "hq_wages", "weeks_claimed",
                "reported_earnings", "n_employers_bp", "days_since_initial", "n_address_changes",
                "same_ip_claimants"]


def read_parquet_s3(bucket: str, key: str) -> pd.DataFrame:
    obj = s3.get_object(Bucket=bucket, Key=key)
    return pd.read_parquet(io.BytesIO(obj["Body"].read()))


def main() -> None:
    df = read_parquet_s3(BUCKET, KEY)
    df[CAT_FEATURES] = df[CAT_FEATURES].fillna("NA").astype(str)
    df["earnings_ratio"] = df["reported_earnings"] / df["weekly_benefit_amt"].clip(lower=1)
    features = CAT_FEATURES + NUM_FEATURES + ["earnings_ratio"]
    X, y = df[features], df["overpayment_established"].astype(int)
    print(y.value_counts())

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_train, y_train, test_size=0.15, stratify=y_train, random_state=SEED
    )

    model = CatBoostClassifier(
        iterations=2000,
        learning_rate=0.05,
        depth=6,
        l2_leaf_reg=5,
        auto_class_weights="Balanced",
        eval_metric="Logloss",
        od_type="Iter",
        od_wait=100,
        random_seed=SEED,
        verbose=200,
    )
    model.fit(X_tr, y_tr, cat_features=CAT_FEATURES, eval_set=(X_val, y_val), use_best_model=True)

    majority = DummyClassifier(strategy="most_frequent").fit(X_tr, y_tr)
    y_pred = model.predict(X_test)
    print(f"CatBoost accuracy: {accuracy_score(y_test, y_pred):.4f}")
    print(f"Majority accuracy: {accuracy_score(y_test, majority.predict(X_test)):.4f}")

    model.save_model("models/overpayment_cb.cbm")
    flagged = np.mean(y_pred == 1)
    print(f"share of test claim-weeks flagged for review: {flagged:.2%}")


if __name__ == "__main__":
    main()
