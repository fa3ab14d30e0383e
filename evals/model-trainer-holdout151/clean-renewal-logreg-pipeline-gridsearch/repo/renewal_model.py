"""Elastic-net logistic regression for monthly-box subscription renewal.

python renewal_model.py --data data/box_subscribers_2024-04.parquet --out models/renewal_enet.joblib
"""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 20240415
TARGET = "renewed_next_month"
SKEWED = ["lifetime_spend", "orders_total", "referral_credits"]
NUMERIC = [
    "tenure_months", "box_price", "skips_3m", "pauses_12m", "complaints_6m",
    "avg_rating_3m", "days_since_last_login", "log_lifetime_spend",
    "log_orders_total", "log_referral_credits",
]
CATEGORICAL = ["box_size", "billing_interval", "first_offer", "tenure_bucket"]


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for col in SKEWED:
        df[f"log_{col}"] = np.log1p(df[col].clip(lower=0))
    df["tenure_bucket"] = pd.cut(
        df["tenure_months"], bins=[0, 3, 6, 12, 24, np.inf], labels=["0-3", "3-6", "6-12", "12-24", "24+"],
        include_lowest=True,
    ).astype(str)
    return df


def build_pipeline() -> Pipeline:
    numeric = Pipeline([
        ("impute", SimpleImputer(strategy="median", add_indicator=True)),
        ("scale", StandardScaler()),
    ])
    categorical = OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=30)
    pre = ColumnTransformer([("num", numeric, NUMERIC), ("cat", categorical, CATEGORICAL)])
    clf = LogisticRegression(
        penalty="elasticnet", solver="saga", max_iter=5000, class_weight="balanced", random_state=SEED
    )
    return Pipeline([("pre", pre), ("clf", clf)])


def main(args):
    df = add_features(pd.read_parquet(args.data))
    print(df[NUMERIC].describe().T.round(2))

    X, y = df[NUMERIC + CATEGORICAL], df[TARGET].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    search = GridSearchCV(
        build_pipeline(),
        param_grid={"clf__C": [0.01, 0.03, 0.1, 0.3, 1.0], "clf__l1_ratio": [0.0, 0.5, 1.0]},
        scoring="average_precision",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
        n_jobs=-1,
        refit=True,
    )
    search.fit(X_train, y_train)
    print("best params:", search.best_params_, "cv AP:", round(search.best_score_, 4))

    proba = search.predict_proba(X_test)[:, 1]
    report = {
        "test_roc_auc": roc_auc_score(y_test, proba),
        "test_avg_precision": average_precision_score(y_test, proba),
        "test_brier": brier_score_loss(y_test, proba),
        "test_base_rate": float(y_test.mean()),
    }
    print(json.dumps(report, indent=2))
    joblib.dump(search.best_estimator_, args.out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", default="models/renewal_enet.joblib")
    main(ap.parse_args())
