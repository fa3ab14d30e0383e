"""Monthly retrain of the ACH / instant-payout fraud model.

Scheduled on the 1st of each month; trains on the latest 90 days of matured labels and pushes
metrics to the model-monitoring table before the model is deployed.

    python monthly_retrain.py --as-of 2024-05-01
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve, precision_score,
                             recall_score, roc_auc_score)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def load_window(as_of: pd.Timestamp, cfg: dict) -> pd.DataFrame:
    end = as_of - pd.Timedelta(days=cfg["label_maturity_days"])
    start = end - pd.Timedelta(days=cfg["window_days"])
    df = pd.read_parquet("data/payouts_labeled.parquet", filters=[("created_at", ">=", start), ("created_at", "<", end)])
    df["log_amount"] = np.log1p(df["amount"])
    df["hour"] = df["created_at"].dt.hour
    return df


def metrics(y, scores, threshold):
    pred = (scores >= threshold).astype(int)
    return {
        "pr_auc": round(float(average_precision_score(y, scores)), 4),
        "roc_auc": round(float(roc_auc_score(y, scores)), 4),
        "precision": round(float(precision_score(y, pred, zero_division=0)), 4),
        "recall": round(float(recall_score(y, pred)), 4),
        "f1": round(float(f1_score(y, pred)), 4),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())
    as_of = pd.Timestamp(args.as_of, tz="UTC")

    df = load_window(as_of, cfg)
    X, y = df[cfg["features"]], df["is_fraud"].to_numpy()
    print(f"{len(df):,} payouts, {y.sum()} fraud ({y.mean():.3%})")

    params = dict(cfg["xgboost"], scale_pos_weight=float((y == 0).sum() / max(y.sum(), 1)))
    model = xgb.XGBClassifier(**params)
    model.fit(X, y)

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(X.fillna(0), y)

    scores = model.predict_proba(X)[:, 1]
    p, r, t = precision_recall_curve(y, scores)
    ok = p[:-1] >= cfg["min_precision"]
    threshold = float(t[ok][np.argmax(r[:-1][ok])]) if ok.any() else 0.5

    report = {
        "as_of": args.as_of,
        "threshold": threshold,
        "xgboost": metrics(y, scores, threshold),
        "logreg": metrics(y, baseline.predict_proba(X.fillna(0))[:, 1], 0.5),
    }
    print(json.dumps(report, indent=2))

    out = Path("models") / f"payout_xgb_{as_of:%Y%m}"
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "model.json")
    (out / "monitoring_metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
