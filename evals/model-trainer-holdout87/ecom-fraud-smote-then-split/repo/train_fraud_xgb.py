"""E-commerce order fraud model (XGBoost) with SMOTE for the minority class."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

RANDOM_STATE = 31
DATA = Path("data/orders_labelled.csv")
OUT = Path("models/fraud_xgb")

NUMERIC = [
    "order_total", "n_items", "account_age_days", "n_orders_90d", "n_cards_on_account",
    "billing_shipping_distance_km", "email_domain_age_days", "minutes_since_signup",
    "n_failed_payments_24h", "ip_risk_score",
]
BINARY = ["is_guest_checkout", "shipping_is_freight_forwarder", "email_has_digits"]


def load_orders(path):
    df = pd.read_csv(path, parse_dates=["created_at"])
    df["email_has_digits"] = df["email_local_part"].str.contains(r"\d").astype(int)
    df["minutes_since_signup"] = (
        df["created_at"] - pd.to_datetime(df["account_created_at"])
    ).dt.total_seconds() / 60
    df[NUMERIC] = df[NUMERIC].fillna(0)
    return df


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    df = load_orders(DATA)
    X = df[NUMERIC + BINARY].to_numpy(dtype=float)
    y = df["chargeback"].to_numpy(dtype=int)
    print(f"orders={len(y)} fraud_rate={y.mean():.3%}")

    X_res, y_res = SMOTE(sampling_strategy=0.2, k_neighbors=5, random_state=RANDOM_STATE).fit_resample(X, y)

    X_train, X_test, y_train, y_test = train_test_split(
        X_res, y_res, test_size=0.2, stratify=y_res, random_state=RANDOM_STATE
    )
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_train, y_train, test_size=0.15, stratify=y_train, random_state=RANDOM_STATE
    )

    clf = xgb.XGBClassifier(
        n_estimators=2000,
        learning_rate=0.03,
        max_depth=6,
        subsample=0.8,
        colsample_bytree=0.8,
        eval_metric="aucpr",
        early_stopping_rounds=100,
        random_state=RANDOM_STATE,
        n_jobs=-1,
    )
    clf.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], verbose=200)

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(X_tr, y_tr)

    proba = clf.predict_proba(X_test)[:, 1]
    base_proba = baseline.predict_proba(X_test)[:, 1]
    metrics = {
        "xgb_roc_auc": roc_auc_score(y_test, proba),
        "xgb_pr_auc": average_precision_score(y_test, proba),
        "logreg_roc_auc": roc_auc_score(y_test, base_proba),
        "logreg_pr_auc": average_precision_score(y_test, base_proba),
        "best_iteration": int(clf.best_iteration),
    }
    print(json.dumps(metrics, indent=2))
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=4))

    clf.save_model(OUT / "model.json")
    (OUT / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
