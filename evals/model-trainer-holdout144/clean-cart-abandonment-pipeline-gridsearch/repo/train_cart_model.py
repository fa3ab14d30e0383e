"""Cart-abandonment model: for sessions that added to cart, predict whether they purchase.

Scores feed the exit-intent discount experiment, so we care about ranking (ROC AUC / PR AUC).
"""
import argparse
import json

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 20240311

NUMERIC = [
    "cart_value",
    "cart_items",
    "pageviews_before_cart",
    "seconds_to_first_cart",
    "product_reviews_read",
    "coupon_field_focused",
    "shipping_estimator_used",
    "prior_orders",
    "days_since_last_visit",
]
CATEGORICAL = ["traffic_source", "device_category", "browser_family", "country", "checkout_variant"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/cart_sessions.parquet")
    ap.add_argument("--out", default="models/cart_abandonment.joblib")
    args = ap.parse_args()

    df = pd.read_parquet(args.data)
    df = df[df["cart_items"] > 0]

    # quick sanity look at purchase rate by source / variant before modelling
    print(df.groupby("traffic_source")["purchased"].agg(["mean", "size"]).sort_values("size", ascending=False).head(10))
    print(df.groupby("checkout_variant")["purchased"].mean())

    X = df[NUMERIC + CATEGORICAL]
    y = df["purchased"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    numeric_pipe = Pipeline([
        ("impute", SimpleImputer(strategy="median", add_indicator=True)),
        ("scale", StandardScaler()),
    ])
    categorical_pipe = Pipeline([
        ("impute", SimpleImputer(strategy="constant", fill_value="(missing)")),
        ("onehot", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=100)),
    ])
    pre = ColumnTransformer([
        ("num", numeric_pipe, NUMERIC),
        ("cat", categorical_pipe, CATEGORICAL),
    ])
    pipe = Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=5000))])

    grid = GridSearchCV(
        pipe,
        param_grid={
            "clf__C": [0.01, 0.1, 1.0, 10.0],
            "clf__class_weight": [None, "balanced"],
        },
        scoring="average_precision",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
        n_jobs=-1,
    )
    grid.fit(X_train, y_train)
    print("best params:", grid.best_params_, f"CV AP {grid.best_score_:.4f}")

    proba = grid.best_estimator_.predict_proba(X_test)[:, 1]
    metrics = {
        "test_roc_auc": round(roc_auc_score(y_test, proba), 4),
        "test_pr_auc": round(average_precision_score(y_test, proba), 4),
        "test_base_rate": round(float(y_test.mean()), 4),
    }
    print(json.dumps(metrics))
    joblib.dump(grid.best_estimator_, args.out)


if __name__ == "__main__":
    main()
