"""XGBoost application PD model + profit-maximising approval cutoff.

Profit per loan (simplified, whole-term):
    good: interest income - funding cost
    bad : -LGD * exposure
"""
import json

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

SEED = 2024
LGD = 0.65
FUNDING_RATE = 0.035
DATA = "data/lc_matured_36m.parquet"

FEATURES = [
    "loan_amnt", "int_rate", "installment", "annual_inc", "dti", "fico_range_low",
    "inq_last_6mths", "delinq_2yrs", "open_acc", "pub_rec", "revol_bal", "revol_util",
    "total_acc", "mort_acc", "pub_rec_bankruptcies", "emp_length_years",
]


def load():
    df = pd.read_parquet(DATA)
    df["bad_flag"] = df["loan_status"].isin(["Charged Off", "Default"]).astype(int)
    df["int_rate"] = df["int_rate"] / 100.0
    df["emp_length_years"] = df["emp_length"].str.extract(r"(\d+)")[0].astype(float)
    return df


def loan_profit(y, loan_amnt, int_rate, term_years=3.0):
    # amortising loan: average outstanding ~ half the principal
    interest = loan_amnt * int_rate * term_years * 0.5
    funding = loan_amnt * FUNDING_RATE * term_years * 0.5
    return np.where(y == 1, -LGD * loan_amnt, interest - funding)


def evaluate_cutoff(pd_hat, profit, y, cutoff):
    approve = pd_hat < cutoff
    return {
        "cutoff": float(cutoff),
        "approval_rate": float(approve.mean()),
        "bad_rate_approved": float(y[approve].mean()) if approve.any() else np.nan,
        "profit": float(profit[approve].sum()),
    }


def main():
    df = load()
    X, y = df[FEATURES], df["bad_flag"].values
    X_train, X_test, y_train, y_test, idx_train, idx_test = train_test_split(
        X, y, df.index, test_size=0.3, stratify=y, random_state=SEED
    )

    model = XGBClassifier(
        n_estimators=700, learning_rate=0.03, max_depth=4, subsample=0.8,
        colsample_bytree=0.7, min_child_weight=50, reg_lambda=10.0,
        random_state=SEED, n_jobs=8,
    )
    model.fit(X_train, y_train)

    pd_test = model.predict_proba(X_test)[:, 1]
    test = df.loc[idx_test]
    profit_test = loan_profit(y_test, test["loan_amnt"].values, test["int_rate"].values)

    grid = np.round(np.arange(0.02, 0.41, 0.01), 2)
    curve = pd.DataFrame([evaluate_cutoff(pd_test, profit_test, y_test, c) for c in grid])
    best_cutoff = float(curve.loc[curve["profit"].idxmax(), "cutoff"])

    result = evaluate_cutoff(pd_test, profit_test, y_test, best_cutoff)
    result["auc"] = float(roc_auc_score(y_test, pd_test))
    result["gini"] = 2 * result["auc"] - 1
    result["approve_all_profit"] = float(profit_test.sum())
    print(curve.to_string(index=False))
    print(json.dumps(result, indent=2))

    model.save_model("artifacts/xgb_pd.json")
    with open("artifacts/cutoff.json", "w") as fh:
        json.dump({"pd_cutoff": best_cutoff, **result}, fh, indent=2)


if __name__ == "__main__":
    main()
