"""
SKU x DC quarterly stock-out risk (logistic regression scorecard for planners).

Positive class is ~6% of rows, hence SMOTE.
"""
import argparse
import json

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "avg_weekly_demand", "demand_cv_13w", "supplier_lead_time_days", "lead_time_std_days",
    "supplier_otif_pct", "safety_stock_weeks", "weeks_of_supply", "moq_weeks", "n_substitutes",
    "promo_weeks_planned", "is_imported", "single_source",
]
TARGET = "had_stockout"


def build_pipeline(seed, C):
    return Pipeline([
        ("scale", StandardScaler()),
        ("smote", SMOTE(k_neighbors=5, random_state=seed)),
        ("clf", LogisticRegression(C=C, max_iter=2000)),
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/sku_dc_quarter_2023.csv")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--C", type=float, default=0.5)
    args = ap.parse_args()

    df = pd.read_csv(args.data)
    df = df[df["sku_status"] == "ACTIVE"].dropna(subset=FEATURES + [TARGET])
    # demand is heavy-tailed (a few A-items dominate)
    df["avg_weekly_demand"] = np.log1p(df["avg_weekly_demand"])
    X, y = df[FEATURES].astype(float), df[TARGET].astype(int)
    print(f"{len(df)} rows, positive rate {y.mean():.2%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=args.seed
    )

    pipe = build_pipeline(args.seed, args.C)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    cv_res = cross_validate(pipe, X_train, y_train, cv=cv, scoring=["roc_auc", "average_precision"])
    print(f"CV ROC AUC {cv_res['test_roc_auc'].mean():.3f} | CV PR AUC {cv_res['test_average_precision'].mean():.3f}")

    pipe.fit(X_train, y_train)
    proba = pipe.predict_proba(X_test)[:, 1]
    results = {
        "cv_roc_auc": float(cv_res["test_roc_auc"].mean()),
        "cv_pr_auc": float(cv_res["test_average_precision"].mean()),
        "test_roc_auc": float(roc_auc_score(y_test, proba)),
        "test_pr_auc": float(average_precision_score(y_test, proba)),
    }
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
    print(json.dumps(results, indent=2))

    coefs = pd.Series(pipe.named_steps["clf"].coef_[0], index=FEATURES).sort_values()
    print("scorecard weights (standardised):")
    print(coefs.round(3).to_string())


if __name__ == "__main__":
    main()
