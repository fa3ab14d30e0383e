import json

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit
from xgboost import XGBClassifier

from features import add_time_features, feature_columns

SEED = 12
TEST_START = "2024-01-01"
GRID = [{"max_depth": d, "min_child_weight": m} for d in (3, 5, 7) for m in (1, 5)]

raw = pd.read_parquet("data/route_hourly.parquet")  # route_id, hour, msgs, ..., burst
raw["hour"] = pd.to_datetime(raw["hour"], utc=True)
df = add_time_features(raw).sort_values("hour").reset_index(drop=True)
cols = feature_columns(df)

train = df[df["hour"] < TEST_START]
test = df[df["hour"] >= TEST_START]
print(f"train {train['hour'].min()} .. {train['hour'].max()} ({len(train)}) | test {len(test)} rows")

X_tr, y_tr = train[cols], train["burst"]
X_te, y_te = test[cols], test["burst"]


def make_model(**kw):
    return XGBClassifier(n_estimators=400, learning_rate=0.05, subsample=0.8, colsample_bytree=0.8,
                         tree_method="hist", eval_metric="aucpr", random_state=SEED, **kw)


# forward-chaining CV inside the training period; gap of 24h so lag windows don't straddle folds
tscv = TimeSeriesSplit(n_splits=5, gap=24 * train["route_id"].nunique())
results = []
for params in GRID:
    scores = []
    for tr_idx, va_idx in tscv.split(X_tr):
        m = make_model(**params).fit(X_tr.iloc[tr_idx], y_tr.iloc[tr_idx])
        scores.append(average_precision_score(y_tr.iloc[va_idx], m.predict_proba(X_tr.iloc[va_idx])[:, 1]))
    results.append({**params, "cv_ap": float(np.mean(scores))})
    print(params, round(np.mean(scores), 4))

best = max(results, key=lambda r: r["cv_ap"])
params = {k: v for k, v in best.items() if k != "cv_ap"}
print("selected:", params)

final = make_model(**params).fit(X_tr, y_tr)
p = final.predict_proba(X_te)[:, 1]
report = {"test_pr_auc": average_precision_score(y_te, p), "test_roc_auc": roc_auc_score(y_te, p), **params}
print(classification_report(y_te, (p >= 0.5).astype(int), digits=4))
print(json.dumps(report, indent=2))
final.save_model("models/burst_xgb.json")
