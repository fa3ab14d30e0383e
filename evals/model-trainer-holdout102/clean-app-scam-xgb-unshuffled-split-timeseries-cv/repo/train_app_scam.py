"""Authorised push payment (APP) scam model for account-to-account transfers."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import tomli
import xgboost as xgb
from scipy.stats import loguniform, randint, uniform
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, TimeSeriesSplit, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

with open("config.toml", "rb") as fh:
    cfg = tomli.load(fh)
SEED = cfg["search"]["seed"]

df = pd.read_parquet(cfg["data"]["path"]).sort_values(cfg["data"]["time_col"]).reset_index(drop=True)
ts = df[cfg["data"]["time_col"]]
df["log_amount"] = np.log1p(df["amount"])
df["hour_sin"] = np.sin(2 * np.pi * ts.dt.hour / 24)
df["hour_cos"] = np.cos(2 * np.pi * ts.dt.hour / 24)
df["is_round_amount"] = (df["amount"] % 100 == 0).astype(int)
df["first_transfer_to_payee"] = (df["payee_prior_transfers"] == 0).astype(int)

FEATURES = [
    "log_amount", "hour_sin", "hour_cos", "is_round_amount", "first_transfer_to_payee",
    "payee_account_age_days", "payee_inbound_senders_24h", "sender_transfers_24h",
    "amount_to_balance", "amount_to_max_prior_transfer", "session_call_active", "new_device",
    "confirmation_of_payee_mismatch",
]
X, y = df[FEATURES], df[cfg["data"]["target"]]

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=cfg["split"]["test_fraction"], shuffle=False)
X_fit, X_val, y_fit, y_val = train_test_split(X_dev, y_dev, test_size=cfg["split"]["valid_fraction"], shuffle=False)
print(f"fit {len(X_fit):,}  val {len(X_val):,}  test {len(X_test):,}   scam rate {y.mean():.4%}")

spw = float((y_fit == 0).sum() / (y_fit == 1).sum())
search = RandomizedSearchCV(
    xgb.XGBClassifier(n_estimators=600, tree_method="hist", scale_pos_weight=spw, random_state=SEED),
    param_distributions={
        "learning_rate": loguniform(0.01, 0.2),
        "max_depth": randint(3, 9),
        "min_child_weight": randint(1, 20),
        "subsample": uniform(0.6, 0.4),
        "colsample_bytree": uniform(0.5, 0.5),
        "reg_lambda": loguniform(0.1, 20),
    },
    n_iter=cfg["search"]["n_iter"],
    scoring="average_precision",
    cv=TimeSeriesSplit(n_splits=cfg["split"]["cv_splits"], gap=cfg["split"]["cv_gap_rows"]),
    random_state=SEED,
    n_jobs=-1,
    verbose=1,
)
search.fit(X_fit, y_fit)
print("CV PR-AUC", round(search.best_score_, 4), search.best_params_)

model = xgb.XGBClassifier(
    **search.best_params_, n_estimators=3000, early_stopping_rounds=100, eval_metric="aucpr",
    tree_method="hist", scale_pos_weight=spw, random_state=SEED,
)
model.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], verbose=False)

baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced"))
baseline.fit(X_fit, y_fit)


def choose_threshold(y_true, scores, min_precision):
    p, r, t = precision_recall_curve(y_true, scores)
    ok = p[:-1] >= min_precision
    return float(t[ok][np.argmax(r[:-1][ok])]) if ok.any() else float(t[-1])


results = {}
for name, clf in (("xgboost", model), ("logreg", baseline)):
    thr = choose_threshold(y_val, clf.predict_proba(X_val)[:, 1], cfg["eval"]["min_precision"])
    s = clf.predict_proba(X_test)[:, 1]
    flag = s >= thr
    results[name] = {
        "threshold": thr,
        "pr_auc": float(average_precision_score(y_test, s)),
        "roc_auc": float(roc_auc_score(y_test, s)),
        "precision": float(y_test[flag].mean()) if flag.any() else 0.0,
        "recall": float(y_test[flag].sum() / y_test.sum()),
    }
print(json.dumps(results, indent=2))

out = Path(cfg["output"]["dir"])
out.mkdir(parents=True, exist_ok=True)
model.save_model(out / "model.json")
(out / "metrics.json").write_text(json.dumps({"cv": search.best_params_, "test": results}, indent=2, default=float))
