"""
Calibrate PurpleAir PA-II PM2.5 against the co-located BAM-1020 (FEM) at the
county reference site. Hourly data, Apr 2021 - Mar 2023.

    python calibrate_purpleair.py --data data/colo_hourly.csv --out models/
"""
import argparse
import json
import os

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

SEED = 2023
FEATURES = ["pm25_cf1_a", "pm25_cf1_b", "pm25_atm_mean", "rh", "temp_f", "dewpoint_f", "hour", "month"]


def dewpoint_f(temp_f, rh):
    t = (temp_f - 32) * 5 / 9
    a, b = 17.62, 243.12
    gamma = np.log(np.clip(rh, 1, 100) / 100) + a * t / (b + t)
    return (b * gamma / (a - gamma)) * 9 / 5 + 32


def load(path):
    df = pd.read_csv(path, parse_dates=["time_stamp"])
    df = df.sort_values("time_stamp").reset_index(drop=True)
    # EPA QA: drop hours where the A/B channels disagree badly
    diff = (df["pm25_cf1_a"] - df["pm25_cf1_b"]).abs()
    pct = diff / ((df["pm25_cf1_a"] + df["pm25_cf1_b"]) / 2 + 1e-6)
    df = df[(diff < 5) | (pct < 0.7)]
    df = df.dropna(subset=["pm25_bam", "rh", "temp_f"])
    df["pm25_atm_mean"] = (df["pm25_atm_a"] + df["pm25_atm_b"]) / 2
    df["dewpoint_f"] = dewpoint_f(df["temp_f"], df["rh"])
    df["hour"] = df["time_stamp"].dt.hour
    df["month"] = df["time_stamp"].dt.month
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/colo_hourly.csv")
    ap.add_argument("--out", default="models")
    ap.add_argument("--test-frac", type=float, default=0.25)
    args = ap.parse_args()

    df = load(args.data)
    n_test = int(len(df) * args.test_frac)
    train, test = df.iloc[:-n_test], df.iloc[-n_test:]
    print(f"train {train.time_stamp.min():%Y-%m-%d} -> {train.time_stamp.max():%Y-%m-%d} ({len(train)})")
    print(f"test  {test.time_stamp.min():%Y-%m-%d} -> {test.time_stamp.max():%Y-%m-%d} ({len(test)})")

    X_train, y_train = train[FEATURES], train["pm25_bam"]
    X_test, y_test = test[FEATURES], test["pm25_bam"]

    # US-wide EPA correction as a reference point
    epa = 0.524 * test[["pm25_cf1_a", "pm25_cf1_b"]].mean(axis=1) - 0.0862 * test["rh"] + 5.75

    model = xgb.XGBRegressor(
        n_estimators=3000,
        learning_rate=0.02,
        max_depth=6,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=5,
        objective="reg:squarederror",
        early_stopping_rounds=100,
        random_state=SEED,
    )
    model.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=200)
    print("best iteration:", model.best_iteration)

    pred = model.predict(X_test)
    res = {
        "xgb_rmse": float(np.sqrt(mean_squared_error(y_test, pred))),
        "xgb_mae": float(mean_absolute_error(y_test, pred)),
        "xgb_r2": float(r2_score(y_test, pred)),
        "epa_rmse": float(np.sqrt(mean_squared_error(y_test, epa))),
        "epa_mae": float(mean_absolute_error(y_test, epa)),
        "raw_rmse": float(np.sqrt(mean_squared_error(y_test, test["pm25_cf1_a"]))),
    }
    print(json.dumps(res, indent=2))

    os.makedirs(args.out, exist_ok=True)
    model.save_model(os.path.join(args.out, "pa_calibration_xgb.json"))
    with open(os.path.join(args.out, "metrics.json"), "w") as f:
        json.dump(res, f, indent=2)


if __name__ == "__main__":
    main()
