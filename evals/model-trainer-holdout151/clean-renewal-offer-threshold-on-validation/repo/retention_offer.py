"""Who gets the retention discount before renewal?

Model P(lapse) with LightGBM, then choose the score cut-off that maximises the
expected campaign profit on the validation split. Test is only used to report
the profit/recall of that fixed cut-off.

    python retention_offer.py --data data/renewals_2023.parquet --offer-cost 12 --save-rate 0.25
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

FEATURES = [
    "tenure_months", "arpu", "price_change_pct", "usage_hours_30d", "usage_hours_delta",
    "days_since_last_use", "payment_failures_6m", "support_calls_90d", "complaint_open",
    "contract_months_left", "bundle_flag", "household_lines",
]


def expected_profit(y_lapse, score, thr, arpu, offer_cost, save_rate, months=12):
    """Targeted lapsers are saved with prob save_rate; every targeted customer costs the offer."""
    targeted = score >= thr
    saved_value = (targeted & (y_lapse == 1)) * arpu * months * save_rate
    return float(saved_value.sum() - targeted.sum() * offer_cost)


def main(a):
    df = pd.read_parquet(a.data)
    y = (df["renewed"] == 0).astype(int).to_numpy()
    X = df[FEATURES]
    arpu = df["arpu"].to_numpy()
    idx = np.arange(len(df))

    idx_trval, idx_te = train_test_split(idx, test_size=0.2, stratify=y, random_state=a.seed)
    idx_tr, idx_va = train_test_split(idx_trval, test_size=0.25, stratify=y[idx_trval], random_state=a.seed)

    clf = lgb.LGBMClassifier(
        n_estimators=2000, learning_rate=0.03, num_leaves=31, min_child_samples=50,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=a.seed, verbose=-1,
    )
    clf.fit(
        X.iloc[idx_tr], y[idx_tr],
        eval_set=[(X.iloc[idx_va], y[idx_va])], eval_metric="auc",
        callbacks=[lgb.early_stopping(100, verbose=False)],
    )

    s_va = clf.predict_proba(X.iloc[idx_va])[:, 1]
    grid = np.linspace(0.05, 0.95, 91)
    profits = [expected_profit(y[idx_va], s_va, t, arpu[idx_va], a.offer_cost, a.save_rate) for t in grid]
    thr = float(grid[int(np.argmax(profits))])
    print(f"chosen threshold {thr:.2f} (validation profit {max(profits):,.0f})")

    s_te = clf.predict_proba(X.iloc[idx_te])[:, 1]
    targeted = s_te >= thr
    report = {
        "threshold": thr,
        "best_iteration": int(clf.best_iteration_),
        "test_auc": float(roc_auc_score(y[idx_te], s_te)),
        "test_profit": expected_profit(y[idx_te], s_te, thr, arpu[idx_te], a.offer_cost, a.save_rate),
        "test_target_share": float(targeted.mean()),
        "test_lapser_recall": float(targeted[y[idx_te] == 1].mean()),
        "test_profit_target_all": expected_profit(y[idx_te], s_te, 0.0, arpu[idx_te], a.offer_cost, a.save_rate),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--offer-cost", type=float, default=12.0)
    ap.add_argument("--save-rate", type=float, default=0.25)
    ap.add_argument("--seed", type=int, default=2718)
    main(ap.parse_args())
