"""Line-level churn (90-day) for multi-line mobile accounts, March 2024 snapshot.

Lines on the same account tend to churn together, so folds are grouped by
account: no account contributes rows to both the training and validation side.
"""
import json

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

with open("params.json") as f:
    P = json.load(f)
SEED, TARGET = P["seed"], P["target"]
CAT_COLS = ["plan", "device_brand", "contract_type", "region", "payment_method"]
NUM_COLS = ["tenure_months", "monthly_fee", "data_usage_gb", "roaming_days", "support_tickets_90d"]


def add_account_features(df: pd.DataFrame) -> pd.DataFrame:
    """Describe each line's own account (same snapshot); no labels involved."""
    df = df.copy()
    acct = df.groupby("account_id")
    df["acct_lines"] = acct["line_id"].transform("count")
    df["acct_total_fee"] = acct["monthly_fee"].transform("sum")
    df["acct_max_tenure"] = acct["tenure_months"].transform("max")
    df["fee_share_in_acct"] = df["monthly_fee"] / df["acct_total_fee"].replace(0, np.nan)
    df["is_primary_line"] = (df["tenure_months"] == df["acct_max_tenure"]).astype(int)
    return df


def top_decile_lift(y, p):
    cut = np.quantile(p, 0.9)
    return y[p >= cut].mean() / y.mean()


lines = add_account_features(pd.read_csv(P["snapshot"]))
features = NUM_COLS + CAT_COLS + ["acct_lines", "acct_total_fee", "acct_max_tenure",
                                  "fee_share_in_acct", "is_primary_line"]
X, y, groups = lines[features], lines[TARGET].to_numpy(), lines["account_id"].to_numpy()
print(f"{len(lines):,} lines on {lines['account_id'].nunique():,} accounts, churn rate {y.mean():.2%}")

cv = StratifiedGroupKFold(n_splits=P["n_splits"], shuffle=True, random_state=SEED)
oof_cb, oof_lr = np.zeros(len(X)), np.zeros(len(X))
for fold, (tr, va) in enumerate(cv.split(X, y, groups)):
    cb = CatBoostClassifier(**P["catboost"], random_seed=SEED, cat_features=CAT_COLS)
    cb.fit(X.iloc[tr], y[tr])
    oof_cb[va] = cb.predict_proba(X.iloc[va])[:, 1]

    lr = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    lr.fit(X.iloc[tr][NUM_COLS], y[tr])
    oof_lr[va] = lr.predict_proba(X.iloc[va][NUM_COLS])[:, 1]
    print(f"fold {fold}: catboost AUC {roc_auc_score(y[va], oof_cb[va]):.4f} | "
          f"logreg AUC {roc_auc_score(y[va], oof_lr[va]):.4f}")

for name, p in [("logreg (numeric)", oof_lr), ("catboost", oof_cb)]:
    print(f"{name:>16}: AUC {roc_auc_score(y, p):.4f}  PR-AUC {average_precision_score(y, p):.4f}  "
          f"logloss {log_loss(y, p):.4f}  top-decile lift {top_decile_lift(y, p):.2f}")

final = CatBoostClassifier(**P["catboost"], random_seed=SEED, cat_features=CAT_COLS)
final.fit(X, y)
final.save_model("catboost_line_churn.cbm")
pd.DataFrame({"line_id": lines["line_id"], "oof_catboost": oof_cb}).to_csv("oof_line_churn.csv", index=False)
