"""Flag cell-hours likely to breach the call-drop KPI target in the next hour.

Usage:
    python train_drop_xgb.py --data data/cell_hour_kpis.csv --test-days 14
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

DROP_TARGET = 0.015  # operator KPI: voice call drop rate must stay below 1.5%

FEATURES = [
    "prb_util_dl", "prb_util_ul", "rrc_conn_users", "avg_cqi", "avg_sinr_db",
    "avg_rsrp_dbm", "ul_interference_dbm", "ho_attempts", "ho_success_rate",
    "rrc_setup_sr", "erab_setup_sr", "vswr_alarm", "hour", "dow",
    "drop_rate_lag1", "drop_rate_lag24", "drop_rate_roll6",
]


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/cell_hour_kpis.csv")
    p.add_argument("--test-days", type=int, default=14)
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--out-dir", default="models")
    return p.parse_args()


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["timestamp"])
    df = df.sort_values(["cell_id", "timestamp"]).reset_index(drop=True)
    df["drop_rate"] = df["dropped_calls"] / df["call_attempts"].clip(lower=1)

    g = df.groupby("cell_id")["drop_rate"]
    df["drop_rate_lag1"] = g.shift(1)
    df["drop_rate_lag24"] = g.shift(24)
    df["drop_rate_roll6"] = g.transform(lambda s: s.shift(1).rolling(6, min_periods=3).mean())
    df["next_drop_rate"] = g.shift(-1)

    df["hour"] = df["timestamp"].dt.hour
    df["dow"] = df["timestamp"].dt.dayofweek
    df = df.dropna(subset=FEATURES + ["next_drop_rate"])
    df["target"] = (df["next_drop_rate"] > DROP_TARGET).astype(int)
    return df


def main():
    args = parse_args()
    df = load(args.data)

    cutoff = df["timestamp"].max() - pd.Timedelta(days=args.test_days)
    train = df[df["timestamp"] <= cutoff]
    test = df[df["timestamp"] > cutoff]
    print(f"train: {len(train):,} rows up to {cutoff}, test: {len(test):,} rows")

    neg, pos = np.bincount(train["target"], minlength=2)
    clf = xgb.XGBClassifier(
        n_estimators=3000,
        learning_rate=0.03,
        max_depth=6,
        min_child_weight=5,
        subsample=0.8,
        colsample_bytree=0.8,
        scale_pos_weight=neg / max(pos, 1),
        tree_method="hist",
        eval_metric="aucpr",
        early_stopping_rounds=100,
        random_state=args.seed,
    )
    clf.fit(
        train[FEATURES], train["target"],
        eval_set=[(test[FEATURES], test["target"])],
        verbose=200,
    )
    print("best iteration:", clf.best_iteration)

    proba = clf.predict_proba(test[FEATURES])[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(test["target"], proba),
        "pr_auc": average_precision_score(test["target"], proba),
        "f1@0.5": f1_score(test["target"], (proba >= 0.5).astype(int)),
        "test_pos_rate": float(test["target"].mean()),
        "best_iteration": int(clf.best_iteration),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    clf.save_model(out / "drop_breach_xgb.json")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
