"""Personal-loan PD model and approval cutoff.

The cutoff is chosen on the validation split by expected profit; the test split is only used to
report what that fixed cutoff delivers.
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

FEATURES = [
    "loan_amount", "term_months", "apr", "monthly_income", "age", "months_employed",
    "bureau_score", "num_open_trades", "revolving_balance", "revolving_limit",
    "num_30dpd_24m", "num_searches_6m", "rent_or_mortgage", "existing_customer",
]
LGD = 0.75


def profit_per_loan(y, amount, apr, term_months):
    years = term_months / 12
    margin = amount * (apr - 0.04) * years * 0.55   # approx. average balance on an amortising loan
    return np.where(y == 1, -LGD * amount, margin)


def sweep(pd_hat, profit, y, grid):
    rows = []
    for c in grid:
        ok = pd_hat <= c
        rows.append({"cutoff": c, "approval_rate": ok.mean(), "bad_rate": y[ok].mean() if ok.any() else np.nan,
                     "profit": profit[ok].sum()})
    return pd.DataFrame(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/personal_loans_booked.csv")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    df = pd.read_csv(args.data)
    df["apr"] = df["apr_pct"] / 100
    y = df["bad_flag"].values

    idx_tmp, idx_test = train_test_split(df.index, test_size=0.2, stratify=y, random_state=args.seed)
    idx_train, idx_val = train_test_split(idx_tmp, test_size=0.25, stratify=y[idx_tmp], random_state=args.seed)
    tr, va, te = df.loc[idx_train], df.loc[idx_val], df.loc[idx_test]

    model = HistGradientBoostingClassifier(
        learning_rate=0.05, max_iter=400, max_leaf_nodes=31, min_samples_leaf=100,
        l2_regularization=1.0, early_stopping=False, random_state=args.seed,
    )
    model.fit(tr[FEATURES], tr["bad_flag"])

    grid = np.round(np.arange(0.01, 0.31, 0.005), 3)
    p_va = model.predict_proba(va[FEATURES])[:, 1]
    prof_va = profit_per_loan(va["bad_flag"].values, va["loan_amount"].values, va["apr"].values, va["term_months"].values)
    curve_va = sweep(p_va, prof_va, va["bad_flag"].values, grid)
    cutoff = float(curve_va.loc[curve_va["profit"].idxmax(), "cutoff"])
    print(curve_va.iloc[::4].round(4).to_string(index=False))

    p_te = model.predict_proba(te[FEATURES])[:, 1]
    prof_te = profit_per_loan(te["bad_flag"].values, te["loan_amount"].values, te["apr"].values, te["term_months"].values)
    at_cut = sweep(p_te, prof_te, te["bad_flag"].values, [cutoff]).iloc[0].to_dict()
    report = {
        "cutoff_from_validation": cutoff,
        "test_auc": roc_auc_score(te["bad_flag"], p_te),
        "test_approval_rate": at_cut["approval_rate"],
        "test_bad_rate_approved": at_cut["bad_rate"],
        "test_profit_per_application": at_cut["profit"] / len(te),
        "test_profit_approve_all_per_application": prof_te.sum() / len(te),
    }
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
