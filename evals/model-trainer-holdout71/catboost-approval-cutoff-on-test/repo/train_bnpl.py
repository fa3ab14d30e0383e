"""BNPL / instalment loan PD model with CatBoost and a profit-based approval cut-off."""
import json

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 99
CAT_FEATURES = ["merchant_category", "device_os", "email_domain_type", "residential_status", "channel"]
NUM_FEATURES = ["bureau_score", "age", "order_value", "instalments", "prior_orders",
                "prior_late_payments", "account_age_days", "declared_income"]
TARGET = "ever_60dpd_6m"


def expected_profit(y_true, pd_hat, cutoff, s):
    approved = pd_hat < cutoff
    goods = approved & (y_true == 0)
    bads = approved & (y_true == 1)
    revenue = goods.sum() * s["avg_loan_amount"] * s["net_interest_margin"]
    losses = bads.sum() * s["avg_loan_amount"] * s["lgd"]
    return revenue - losses, approved.mean()


def main():
    strategy = json.load(open("strategy.json"))
    df = pd.read_parquet("data/bnpl_orders.parquet")
    df[CAT_FEATURES] = df[CAT_FEATURES].fillna("NA").astype(str)
    X, y = df[CAT_FEATURES + NUM_FEATURES], df[TARGET].astype(int)

    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_tmp, y_tmp, test_size=0.2, stratify=y_tmp, random_state=SEED)

    model = CatBoostClassifier(
        iterations=4000, learning_rate=0.04, depth=6, l2_leaf_reg=5,
        eval_metric="AUC", od_type="Iter", od_wait=200, random_seed=SEED, verbose=500,
    )
    model.fit(Pool(X_train, y_train, cat_features=CAT_FEATURES),
              eval_set=Pool(X_valid, y_valid, cat_features=CAT_FEATURES),
              use_best_model=True)

    prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
    pd_test = model.predict_proba(X_test)[:, 1]
    metrics = {
        "catboost": {"auc": roc_auc_score(y_test, pd_test),
                     "pr_auc": average_precision_score(y_test, pd_test),
                     "brier": brier_score_loss(y_test, pd_test)},
        "prior": {"auc": 0.5, "pr_auc": float(y_test.mean()),
                  "brier": brier_score_loss(y_test, prior.predict_proba(X_test)[:, 1])},
    }

    g = strategy["cutoff_grid"]
    grid = np.arange(g["start"], g["stop"], g["step"])
    rows = []
    for c in grid:
        profit, approval = expected_profit(y_test.to_numpy(), pd_test, c, strategy)
        rows.append({"cutoff": round(c, 3), "profit": profit, "approval_rate": approval})
    curve = pd.DataFrame(rows)
    feasible = curve[curve["approval_rate"] >= strategy["min_approval_rate"]]
    best = feasible.loc[feasible["profit"].idxmax()]

    approved = pd_test < best["cutoff"]
    metrics["strategy"] = {
        "cutoff": float(best["cutoff"]),
        "expected_profit": float(best["profit"]),
        "approval_rate": float(approved.mean()),
        "bad_rate_approved": float(y_test[approved].mean()),
    }
    print(json.dumps(metrics, indent=2, default=float))
    curve.to_csv("reports/profit_curve_test.csv", index=False)
    model.save_model("models/bnpl_pd.cbm")


if __name__ == "__main__":
    main()
