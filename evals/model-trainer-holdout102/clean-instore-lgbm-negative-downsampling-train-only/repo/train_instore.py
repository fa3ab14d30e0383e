"""Contactless/in-store card fraud model trained on negatively down-sampled data.

Legitimate transactions are ~99.95% of volume, so the training months are down-sampled to a
1:50 fraud:legit ratio to keep training time reasonable. Validation and test months keep the natural
fraud rate, and scores are mapped back to calibrated probabilities with the sampling-rate correction.
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from imblearn.under_sampling import RandomUnderSampler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, precision_recall_curve, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 61
RATIO = 1 / 50
FEATURES = [
    "log_amount", "hour", "is_contactless", "is_offline_pin", "terminal_txn_count_1h",
    "card_txn_count_1h", "card_txn_count_24h", "card_amount_sum_24h", "card_terminals_24h",
    "km_from_prev_txn", "minutes_from_prev_txn", "card_age_days", "mcc_group_risk_prev_q",
]

tx = pd.read_parquet("data/instore_txn_2023.parquet", columns=FEATURES + ["event_time", "is_fraud"])
tx = tx.sort_values("event_time")
train = tx[tx.event_time < "2023-09-01"]
valid = tx[(tx.event_time >= "2023-09-01") & (tx.event_time < "2023-10-01")]
test = tx[(tx.event_time >= "2023-10-01") & (tx.event_time < "2023-11-01")]

sampler = RandomUnderSampler(sampling_strategy=RATIO, random_state=SEED)
X_tr, y_tr = sampler.fit_resample(train[FEATURES], train["is_fraud"])
keep_rate = (train.is_fraud == 1).sum() / (RATIO * (train.is_fraud == 0).sum())
print(f"train rows {len(train):,} -> {len(X_tr):,}; legit keep rate {keep_rate:.4f}")


def correct(p, w=keep_rate):
    """Undo negative down-sampling: p_true = w p / (w p + 1 - p)."""
    return w * p / (w * p + 1.0 - p)


X_va, y_va = valid[FEATURES], valid["is_fraud"]
X_te, y_te = test[FEATURES], test["is_fraud"]

model = lgb.LGBMClassifier(
    n_estimators=3000, learning_rate=0.03, num_leaves=63, min_child_samples=100,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1,
)
model.fit(
    X_tr, y_tr,
    eval_set=[(X_va, y_va)],
    eval_metric="average_precision",
    callbacks=[lgb.early_stopping(150), lgb.log_evaluation(300)],
)
baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000)).fit(X_tr, y_tr)

report = {}
for name, clf in (("lightgbm", model), ("logreg", baseline)):
    va = correct(clf.predict_proba(X_va)[:, 1])
    p, r, t = precision_recall_curve(y_va, va)
    ok = p[:-1] >= 0.25
    thr = float(t[ok][np.argmax(r[:-1][ok])]) if ok.any() else float(t[-1])
    te = correct(clf.predict_proba(X_te)[:, 1])
    flag = te >= thr
    report[name] = {
        "threshold": thr,
        "pr_auc": average_precision_score(y_te, te),
        "roc_auc": roc_auc_score(y_te, te),
        "brier": brier_score_loss(y_te, te),
        "precision": float(y_te[flag].mean()) if flag.any() else 0.0,
        "recall": float(y_te[flag].sum() / y_te.sum()),
        "mean_pred_vs_rate": (float(te.mean()), float(y_te.mean())),
    }
print(json.dumps(report, indent=2, default=float))

out = Path("models/instore_lgbm")
out.mkdir(parents=True, exist_ok=True)
model.booster_.save_model(str(out / "model.txt"))
(out / "meta.json").write_text(json.dumps({"keep_rate": keep_rate, "threshold": report["lightgbm"]["threshold"]}))
