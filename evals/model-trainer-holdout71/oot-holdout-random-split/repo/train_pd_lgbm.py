"""PD model for unsecured personal loans.

Development sample: loans originated Jan-2018 .. Jun-2022 with a full 12m
performance window. Hold out the latest originations to check that the model
still ranks well on recent vintages.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split

FEATURES = [
    "bureau_score", "annual_income", "loan_amount", "term_months", "interest_rate",
    "dti", "revol_util", "open_acc", "total_acc", "inq_last_6m", "delinq_2y",
    "emp_length_years", "home_ownership_code", "purpose_code", "months_since_last_delinq",
]
TARGET = "default_12m"


def ks(y, p):
    fpr, tpr, _ = roc_curve(y, p)
    return float((tpr - fpr).max())


def load_loans(path):
    loans = pd.read_csv(path, parse_dates=["origination_date"])
    loans = loans[loans["origination_date"] < "2022-07-01"]
    loans = loans.sort_values("origination_date").reset_index(drop=True)
    loans["vintage"] = loans["origination_date"].dt.to_period("Q").astype(str)
    return loans


def main(args):
    loans = load_loans(args.data)
    print(loans.groupby("vintage")[TARGET].agg(["size", "mean"]).tail(8))

    X = loans[FEATURES]
    y = loans[TARGET]
    X_dev, X_oot, y_dev, y_oot = train_test_split(X, y, test_size=0.2, random_state=42)
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=42
    )

    model = lgb.LGBMClassifier(
        n_estimators=2000,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=200,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=5.0,
        random_state=42,
        verbose=-1,
    )
    model.fit(
        X_tr, y_tr,
        eval_set=[(X_val, y_val)],
        eval_metric="auc",
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    baseline = LogisticRegression(max_iter=1000)
    baseline.fit(X_tr[["bureau_score"]].fillna(X_tr["bureau_score"].median()), y_tr)

    p_oot = model.predict_proba(X_oot)[:, 1]
    p_base = baseline.predict_proba(X_oot[["bureau_score"]].fillna(X_tr["bureau_score"].median()))[:, 1]

    report = {
        "n_oot": int(len(y_oot)),
        "oot_bad_rate": float(y_oot.mean()),
        "lgbm": {"auc": roc_auc_score(y_oot, p_oot), "ks": ks(y_oot, p_oot),
                 "pr_auc": average_precision_score(y_oot, p_oot), "brier": brier_score_loss(y_oot, p_oot)},
        "bureau_lr": {"auc": roc_auc_score(y_oot, p_base), "ks": ks(y_oot, p_base),
                      "pr_auc": average_precision_score(y_oot, p_base), "brier": brier_score_loss(y_oot, p_base)},
        "best_iteration": int(model.best_iteration_),
    }
    print(json.dumps(report, indent=2))

    imp = pd.Series(model.booster_.feature_importance("gain"), index=FEATURES)
    print(imp.sort_values(ascending=False).round(0))
    model.booster_.save_model(args.out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/loans_2018_2022.csv")
    parser.add_argument("--out", default="models/pd_lgbm.txt")
    main(parser.parse_args())
