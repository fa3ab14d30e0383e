"""Predict whether a Divvy station will have zero bikes available 60 minutes from now."""
import argparse

import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from xgboost import XGBClassifier

from tracking import start_run

FEATURES = ["bikes_available", "docks_available", "capacity", "fill_ratio",
            "delta_bikes_15m", "delta_bikes_60m", "hour", "dow", "is_weekend",
            "temp_c", "precip_mm", "station_lat", "station_lng"]


def build(snap: pd.DataFrame) -> pd.DataFrame:
    snap = snap.sort_values(["station_id", "ts"]).copy()
    g = snap.groupby("station_id")["bikes_available"]
    snap["fill_ratio"] = snap["bikes_available"] / snap["capacity"].clip(lower=1)
    snap["delta_bikes_15m"] = g.diff(1)
    snap["delta_bikes_60m"] = g.diff(4)
    snap["empty_in_60m"] = (g.shift(-4) == 0).astype(float)
    snap.loc[g.shift(-4).isna(), "empty_in_60m"] = np.nan
    snap["hour"] = snap["ts"].dt.hour
    snap["dow"] = snap["ts"].dt.dayofweek
    snap["is_weekend"] = (snap["dow"] >= 5).astype(int)
    return snap.dropna(subset=["delta_bikes_60m", "empty_in_60m"])


def main(cfg):
    run = start_run(cfg)
    df = build(pd.read_parquet(cfg["data"]["snapshots"]))
    tr = df[df.ts < cfg["data"]["train_end"]]
    va = df[(df.ts >= cfg["data"]["train_end"]) & (df.ts < cfg["data"]["valid_end"])]
    te = df[df.ts >= cfg["data"]["valid_end"]]

    clf = XGBClassifier(**cfg["model"], tree_method="hist", eval_metric="aucpr",
                        random_state=cfg["seed"])
    clf.fit(tr[FEATURES], tr["empty_in_60m"],
            eval_set=[(va[FEATURES], va["empty_in_60m"])], verbose=250)

    p = clf.predict_proba(te[FEATURES])[:, 1]
    metrics = {"test_auc": roc_auc_score(te["empty_in_60m"], p),
               "test_ap": average_precision_score(te["empty_in_60m"], p),
               "test_empty_rate": float(te["empty_in_60m"].mean()),
               "best_iteration": int(clf.best_iteration)}
    print(metrics)
    run.log(metrics)
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as f:
        main(yaml.safe_load(f))
