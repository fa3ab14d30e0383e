"""Next-month churn model on monthly customer snapshots (Jan 2021 - Jun 2023).

Each row is one customer in one month; `churn_next_month` says whether the
customer left in the following month. The latest snapshot month is scored for
the retention team.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold

from features import add_history_features

SEED = 8
TARGET = "churn_next_month"

snap = pd.read_parquet("data/monthly_snapshots.parquet")
snap["snapshot_month"] = pd.to_datetime(snap["snapshot_month"])
snap = add_history_features(snap)
snap["plan"] = snap["plan"].astype("category")

latest = snap["snapshot_month"].max()
score_df = snap[snap["snapshot_month"] == latest]
model_df = snap[snap["snapshot_month"] < latest].reset_index(drop=True)

feature_cols = [c for c in model_df.columns if c not in ("customer_id", "snapshot_month", TARGET)]
X, y = model_df[feature_cols], model_df[TARGET].values
print(f"{len(model_df):,} rows, {model_df['customer_id'].nunique():,} customers, churn rate {y.mean():.3%}")

params = dict(n_estimators=800, learning_rate=0.03, max_depth=6, min_child_weight=5,
              subsample=0.8, colsample_bytree=0.7, tree_method="hist",
              enable_categorical=True, eval_metric="aucpr", random_state=SEED)

skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
oof = np.zeros(len(model_df))
oof_base = np.zeros(len(model_df))
for fold, (tr_idx, va_idx) in enumerate(skf.split(X, y)):
    clf = xgb.XGBClassifier(**params)
    clf.fit(X.iloc[tr_idx], y[tr_idx], verbose=False)
    oof[va_idx] = clf.predict_proba(X.iloc[va_idx])[:, 1]
    base = DummyClassifier(strategy="prior").fit(X.iloc[tr_idx], y[tr_idx])
    oof_base[va_idx] = base.predict_proba(X.iloc[va_idx])[:, 1]
    print(f"fold {fold}: AUC {roc_auc_score(y[va_idx], oof[va_idx]):.4f}")

for name, p in [("prior", oof_base), ("xgboost", oof)]:
    print(f"{name:>8} OOF  AUC {roc_auc_score(y, p):.4f}  PR-AUC {average_precision_score(y, p):.4f}  "
          f"logloss {log_loss(y, p):.4f}")

final = xgb.XGBClassifier(**params).fit(X, y, verbose=False)
scores = score_df[["customer_id"]].assign(churn_risk=final.predict_proba(score_df[feature_cols])[:, 1])
scores.sort_values("churn_risk", ascending=False).to_csv("churn_scores_latest.csv", index=False)
print(scores["churn_risk"].describe())
