"""Churn propensity model for the retention-offer campaign.

Outputs calibrated churn probabilities and the operating threshold used by the
CRM team to pick customers for the retention call list.
"""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    brier_score_loss,
    f1_score,
    precision_recall_curve,
    precision_score,
    recall_score,
    roc_auc_score,
)
from sklearn.model_selection import train_test_split

SEED = 42

NUMERIC = [
    "tenure_months", "monthly_charges", "total_charges", "n_products",
    "avg_monthly_gb", "support_tickets_6m", "days_since_plan_change", "n_failed_payments",
]
CATEGORICAL = ["contract", "payment_method", "internet_service", "region"]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["total_charges"] = pd.to_numeric(df["total_charges"], errors="coerce")
    df["total_charges"] = df["total_charges"].fillna(df["monthly_charges"] * df["tenure_months"])
    df["charges_per_product"] = df["monthly_charges"] / df["n_products"].clip(lower=1)
    dummies = pd.get_dummies(df[CATEGORICAL], prefix=CATEGORICAL, dtype=np.uint8)
    return pd.concat([df[NUMERIC + ["charges_per_product"]], dummies], axis=1)


def main(args):
    raw = pd.read_csv(args.data)
    y = (raw["churn"] == "Yes").astype(int)
    X = prepare(raw)
    print(f"rows={len(X)} features={X.shape[1]} churn_rate={y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=SEED
    )

    base = xgb.XGBClassifier(
        n_estimators=600,
        learning_rate=0.05,
        max_depth=4,
        subsample=0.9,
        colsample_bytree=0.8,
        scale_pos_weight=(y_train == 0).sum() / (y_train == 1).sum(),
        eval_metric="logloss",
        random_state=SEED,
    )
    base.fit(X_train, y_train)

    calibrated = CalibratedClassifierCV(base, method="isotonic", cv="prefit")
    calibrated.fit(X_test, y_test)
    proba = calibrated.predict_proba(X_test)[:, 1]

    precision, recall, thresholds = precision_recall_curve(y_test, proba)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    best_idx = int(np.nanargmax(f1[:-1]))
    threshold = float(thresholds[best_idx])
    pred = (proba >= threshold).astype(int)

    logreg = LogisticRegression(max_iter=5000, class_weight="balanced").fit(X_train, y_train)
    lr_proba = logreg.predict_proba(X_test)[:, 1]

    metrics = {
        "threshold": threshold,
        "roc_auc": roc_auc_score(y_test, proba),
        "brier": brier_score_loss(y_test, proba),
        "precision": precision_score(y_test, pred),
        "recall": recall_score(y_test, pred),
        "f1": f1_score(y_test, pred),
        "logreg_roc_auc": roc_auc_score(y_test, lr_proba),
        "logreg_brier": brier_score_loss(y_test, lr_proba),
    }
    print(json.dumps(metrics, indent=2))

    joblib.dump({"model": calibrated, "threshold": threshold, "columns": list(X.columns)}, args.out)
    with open(args.out.replace(".joblib", "_metrics.json"), "w") as fh:
        json.dump(metrics, fh, indent=2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/telco_customers.csv")
    parser.add_argument("--out", default="models/retention_xgb.joblib")
    main(parser.parse_args())
