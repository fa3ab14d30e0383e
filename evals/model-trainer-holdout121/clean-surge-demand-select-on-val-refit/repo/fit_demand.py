#!/usr/bin/env python
"""
Ride-request demand per (hex, 30-min slot) for surge pricing.

  weeks 1-20  train
  weeks 21-24 validation  -> choose hyperparameters
  weeks 25-28 test        -> reported once, after refitting on train+validation
"""
import argparse
import itertools
import json

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance
from xgboost import XGBRegressor

FEATURES = [
    "hex_lat", "hex_lng", "slot_of_day", "day_of_week", "is_holiday",
    "req_lag_1", "req_lag_2", "req_lag_48", "req_lag_336",
    "req_roll_mean_6", "open_app_sessions_lag_1", "drivers_online_lag_1",
    "event_venue_within_1km", "rain_mm_forecast",
]
TARGET = "requests"


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", default="data/hex_slot_features.parquet")
    ap.add_argument("--val-week", type=int, default=21)
    ap.add_argument("--test-week", type=int, default=25)
    ap.add_argument("--seed", type=int, default=99)
    ap.add_argument("--out", default="artifacts/")
    return ap.parse_args()


def make_model(params, seed):
    return XGBRegressor(objective="count:poisson", tree_method="hist", n_jobs=-1,
                        random_state=seed, **params)


def main():
    args = parse_args()
    df = pd.read_parquet(args.features)
    df = df.dropna(subset=["req_lag_336"])

    train = df[df.week < args.val_week]
    val = df[(df.week >= args.val_week) & (df.week < args.test_week)]
    test = df[df.week >= args.test_week]

    space = {
        "n_estimators": [300, 600],
        "max_depth": [6, 8, 10],
        "learning_rate": [0.05, 0.1],
        "subsample": [0.8],
        "colsample_bytree": [0.8],
    }
    results = []
    for values in itertools.product(*space.values()):
        params = dict(zip(space.keys(), values))
        m = make_model(params, args.seed).fit(train[FEATURES], train[TARGET])
        pred = m.predict(val[FEATURES])
        results.append({**params,
                        "val_mae": mean_absolute_error(val[TARGET], pred),
                        "val_dev": mean_poisson_deviance(val[TARGET], np.clip(pred, 1e-6, None))})
        print(results[-1])

    leaderboard = pd.DataFrame(results).sort_values("val_dev")
    best = leaderboard.iloc[0][list(space.keys())].to_dict()
    best["n_estimators"], best["max_depth"] = int(best["n_estimators"]), int(best["max_depth"])
    print("selected:", best)

    # refit on everything before the test window with the chosen config
    train_val = pd.concat([train, val])
    final = make_model(best, args.seed).fit(train_val[FEATURES], train_val[TARGET])
    pred = final.predict(test[FEATURES])
    report = {
        "params": best,
        "test_mae": mean_absolute_error(test[TARGET], pred),
        "test_poisson_dev": mean_poisson_deviance(test[TARGET], np.clip(pred, 1e-6, None)),
        "test_mae_lag_336": mean_absolute_error(test[TARGET], test["req_lag_336"]),
    }
    print(json.dumps(report, indent=2))
    leaderboard.to_csv(f"{args.out}/val_leaderboard.csv", index=False)
    final.save_model(f"{args.out}/demand_xgb.json")
    with open(f"{args.out}/test_report.json", "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
