"""Issuer card fraud model (LightGBM) trained on matured chargeback labels."""
from pathlib import Path

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from pipeline.features import NUMERIC, add_basic, add_chargeback_history, add_rolling
from pipeline.labels import attach_labels, mature_transactions

cfg = yaml.safe_load(Path("config.yaml").read_text())

txns = pd.read_parquet(cfg["paths"]["transactions"])
chargebacks = pd.read_parquet(cfg["paths"]["chargebacks"])
for col in ("event_time", "card_open_date"):
    txns[col] = pd.to_datetime(txns[col], utc=True)
chargebacks["reported_at"] = pd.to_datetime(chargebacks["reported_at"], utc=True)

txns = add_rolling(add_basic(txns))
txns = mature_transactions(txns, cfg["snapshot_date"], cfg["label_maturity_days"])
txns = attach_labels(txns, chargebacks, cfg["fraud_reason_codes"], cfg["snapshot_date"])
txns = add_chargeback_history(txns, chargebacks)

t1 = pd.Timestamp(cfg["split"]["train_end"], tz="UTC")
t2 = pd.Timestamp(cfg["split"]["valid_end"], tz="UTC")
train = txns[txns.event_time < t1]
valid = txns[(txns.event_time >= t1) & (txns.event_time < t2)]
test = txns[txns.event_time >= t2]
print({k: (len(v), round(v.is_fraud.mean(), 5)) for k, v in [("train", train), ("valid", valid), ("test", test)]})

model = lgb.LGBMClassifier(**cfg["lightgbm"])
model.fit(
    train[NUMERIC], train.is_fraud,
    eval_set=[(valid[NUMERIC], valid.is_fraud)],
    eval_metric="average_precision",
    callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)],
)

baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced"))
baseline.fit(train[NUMERIC], train.is_fraud)

val_scores = model.predict_proba(valid[NUMERIC])[:, 1]
p, r, t = precision_recall_curve(valid.is_fraud, val_scores)
threshold = t[(p[:-1] >= 0.3).argmax()]

for name, clf in [("lightgbm", model), ("logreg", baseline)]:
    s = clf.predict_proba(test[NUMERIC])[:, 1]
    print(f"{name:9s} PR-AUC {average_precision_score(test.is_fraud, s):.4f}  ROC-AUC {roc_auc_score(test.is_fraud, s):.4f}")

s = model.predict_proba(test[NUMERIC])[:, 1]
flag = s >= threshold
print(f"threshold {threshold:.4f}: precision {test.is_fraud[flag].mean():.3f}, "
      f"recall {test.is_fraud[flag].sum() / test.is_fraud.sum():.3f}, alert rate {flag.mean():.4%}")

Path("models").mkdir(exist_ok=True)
model.booster_.save_model("models/issuer_lgbm.txt")
pd.Series(model.feature_importances_, index=NUMERIC).sort_values(ascending=False).to_csv("models/importance.csv")
