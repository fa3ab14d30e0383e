"""Fit an Isolation Forest on historic prepaid loads and score the most recent months."""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, roc_auc_score

from features import feature_names, prepare

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "iforest.json"))
loads = prepare(pd.read_csv(cfg["input"]))
cols = feature_names()

hist = loads[loads["load_ts"] < cfg["train_end"]]
recent = loads[loads["load_ts"] >= cfg["train_end"]].copy()
print(f"fit on {len(hist):,} loads, scoring {len(recent):,}")

iso = IsolationForest(**cfg["iforest"], random_state=cfg["seed"], n_jobs=-1)
iso.fit(hist[cols])
recent["anomaly"] = -iso.score_samples(recent[cols])

# analysts work a fixed weekly queue: the top-N anomalies each week
recent["week"] = recent["load_ts"].dt.to_period("W")
cap = cfg["review_capacity_per_week"]
recent["queued"] = recent.groupby("week")["anomaly"].rank(ascending=False, method="first") <= cap

y = recent[cfg["label_col"]].values
print("ROC AUC:", round(roc_auc_score(y, recent["anomaly"]), 4))
print("PR AUC :", round(average_precision_score(y, recent["anomaly"]), 4))
q = recent["queued"].values
print(f"queue precision {y[q].mean():.3f} | share of positives queued {y[q].sum() / y.sum():.3f}")
recent["queued_hit"] = recent["queued"] & (recent[cfg["label_col"]] == 1)
weekly = recent.groupby("week").agg(queued=("queued", "sum"), hits=("queued_hit", "sum"))
print(weekly.tail(8))
np.save("recent_anomaly_scores.npy", recent["anomaly"].values)
