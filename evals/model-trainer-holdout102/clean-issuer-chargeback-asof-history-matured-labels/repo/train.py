"""Issuer card fraud model (LightGBM) trained on matured chargeback labels.

Chargebacks arrive up to ~120 days after the transaction, so only transactions older than
`label_maturity_days` at the snapshot are labelled, and card dispute history is joined as-of
the transaction time using the date the chargeback was *reported*.

    python train.py --snapshot 2024-03-31
"""
import argparse
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from pipeline.features import NUMERIC, add_basic, add_chargeback_history, add_rolling
from pipeline.labels import attach_labels, mature_transactions


def recall_at_precision_threshold(y, scores, min_precision):
    p, r, t = precision_recall_curve(y, scores)
    ok = p[:-1] >= min_precision
    return float(t[ok][np.argmax(r[:-1][ok])]) if ok.any() else float(t[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--snapshot", default=None)
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())
    snapshot = args.snapshot or cfg["snapshot_date"]

    txns = pd.read_parquet(cfg["paths"]["transactions"])
    chargebacks = pd.read_parquet(cfg["paths"]["chargebacks"])
    for col in ("event_time", "card_open_date"):
        txns[col] = pd.to_datetime(txns[col], utc=True)
    chargebacks["reported_at"] = pd.to_datetime(chargebacks["reported_at"], utc=True)
    chargebacks = chargebacks[chargebacks["reported_at"] <= pd.Timestamp(snapshot, tz="UTC")]

    txns = add_rolling(add_basic(txns))
    txns = add_chargeback_history(txns, chargebacks)
    txns = mature_transactions(txns, snapshot, cfg["label_maturity_days"])
    txns = attach_labels(txns, chargebacks, cfg["fraud_reason_codes"], snapshot)

    t1 = pd.Timestamp(cfg["split"]["train_end"], tz="UTC")
    t2 = pd.Timestamp(cfg["split"]["valid_end"], tz="UTC")
    train = txns[txns.event_time < t1]
    valid = txns[(txns.event_time >= t1) & (txns.event_time < t2)]
    test = txns[txns.event_time >= t2]
    for name, part in (("train", train), ("valid", valid), ("test", test)):
        print(f"{name:5s} {len(part):>9,}  fraud {part.is_fraud.mean():.4%}  "
              f"{part.event_time.min():%Y-%m-%d}..{part.event_time.max():%Y-%m-%d}")

    model = lgb.LGBMClassifier(**cfg["lightgbm"])
    model.fit(
        train[NUMERIC], train.is_fraud,
        eval_set=[(valid[NUMERIC], valid.is_fraud)],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)],
    )
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced"))
    baseline.fit(train[NUMERIC], train.is_fraud)

    for name, clf in (("lightgbm", model), ("logreg", baseline)):
        thr = recall_at_precision_threshold(valid.is_fraud, clf.predict_proba(valid[NUMERIC])[:, 1], 0.3)
        s = clf.predict_proba(test[NUMERIC])[:, 1]
        flag = s >= thr
        print(f"{name:9s} PR-AUC {average_precision_score(test.is_fraud, s):.4f}  "
              f"ROC-AUC {roc_auc_score(test.is_fraud, s):.4f}  thr {thr:.4f}  "
              f"precision {test.is_fraud[flag].mean():.3f}  recall {test.is_fraud[flag].sum() / test.is_fraud.sum():.3f}")

    out = Path("models") / f"issuer_lgbm_{snapshot}"
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "model.txt"))


if __name__ == "__main__":
    main()
