"""Skip classifier: target-encoded ids + session context, evaluated out of time."""
import argparse

import joblib
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit, cross_val_score

from pipeline import COUNTS, HIGH_CARD, LOW_CARD, NUMERIC, build_pipeline

p = argparse.ArgumentParser()
p.add_argument("--plays", default="data/plays_2024_05.parquet")
p.add_argument("--test-days", type=int, default=7)
p.add_argument("--seed", type=int, default=3)
args = p.parse_args()

plays = pd.read_parquet(args.plays).sort_values("played_at").reset_index(drop=True)
plays["skipped"] = (plays["ms_played"] < 30_000).astype(int)
print(f"{len(plays):,} plays, skip rate {plays['skipped'].mean():.3f}")

cols = HIGH_CARD + LOW_CARD + NUMERIC + COUNTS
test_start = plays["played_at"].max().normalize() - pd.Timedelta(days=args.test_days - 1)
train = plays[plays["played_at"] < test_start]
test = plays[plays["played_at"] >= test_start]
print(f"train until {test_start:%Y-%m-%d}: {len(train):,} | test: {len(test):,}")

pipe = build_pipeline(args.seed)
cv_auc = cross_val_score(pipe, train[cols], train["skipped"], cv=TimeSeriesSplit(n_splits=4), scoring="roc_auc")
print("time-series CV AUC:", cv_auc.round(4), "mean", cv_auc.mean().round(4))

pipe.fit(train[cols], train["skipped"])
proba = pipe.predict_proba(test[cols])[:, 1]
print(f"test AUC {roc_auc_score(test['skipped'], proba):.4f}  logloss {log_loss(test['skipped'], proba):.4f}")
print(f"prior-only logloss {log_loss(test['skipped'], [train['skipped'].mean()] * len(test)):.4f}")

joblib.dump(pipe, "skip_pipeline.joblib")
