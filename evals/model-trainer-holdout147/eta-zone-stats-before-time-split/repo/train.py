"""Train the LightGBM ETA regressor (minutes from dispatch to proof-of-delivery)."""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error

from features import add_distance_features, add_time_features, add_zone_stats


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.yaml")
    p.add_argument("--out", default="metrics.json")
    return p.parse_args()


def load_deliveries(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[df["status"] == "DELIVERED"].copy()
    # drop scans with broken timestamps (negative or > 10h)
    df = df[df["delivery_minutes"].between(1, 600)]
    df["dispatch_ts"] = pd.to_datetime(df["dispatch_ts"])
    return df.sort_values("dispatch_ts").reset_index(drop=True)


def main():
    args = parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    np.random.seed(cfg["seed"])

    df = load_deliveries(cfg["data_path"])
    df = add_time_features(df)
    df = add_distance_features(df)
    df = add_zone_stats(df, target="delivery_minutes", min_count=cfg["zone_min_count"])

    cutoff = pd.Timestamp(cfg["test_start"])
    train = df[df["dispatch_ts"] < cutoff]
    test = df[df["dispatch_ts"] >= cutoff]

    # last N days of the training period are used for early stopping
    val_start = cutoff - pd.Timedelta(days=cfg["val_days"])
    fit = train[train["dispatch_ts"] < val_start]
    val = train[train["dispatch_ts"] >= val_start]
    print(f"fit={len(fit):,} val={len(val):,} test={len(test):,}")

    feats = cfg["features"]
    model = lgb.LGBMRegressor(**cfg["lgbm"], random_state=cfg["seed"])
    model.fit(
        fit[feats], fit["delivery_minutes"],
        eval_set=[(val[feats], val["delivery_minutes"])],
        eval_metric="l1",
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    pred = model.predict(test[feats])
    abs_err = np.abs(test["delivery_minutes"].to_numpy() - pred)
    metrics = {
        "test_mae": float(mean_absolute_error(test["delivery_minutes"], pred)),
        "test_p90_abs_err": float(np.percentile(abs_err, 90)),
        "within_15min": float((abs_err <= 15).mean()),
        "best_iteration": int(model.best_iteration_),
    }
    print(json.dumps(metrics, indent=2))
    with open(args.out, "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
