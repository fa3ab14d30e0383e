"""Hourly net flow (returns - rentals) per dock for the rebalancing crew schedule.

The schedule is built the evening before, so demand features are lagged by at least 24h.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

p = argparse.ArgumentParser()
p.add_argument("--flows", default="data/bluebikes_station_hourly_flows.parquet")
p.add_argument("--stations", default="data/bluebikes_stations.csv")
p.add_argument("--valid-start", default="2023-09-01")
p.add_argument("--test-start", default="2023-10-01")
p.add_argument("--seed", type=int, default=3)
args = p.parse_args()

flows = pd.read_parquet(args.flows)  # station_id, hour_ts, rentals, returns, temp_c, precip_mm
info = pd.read_csv(args.stations, usecols=["station_id", "capacity", "district", "lat", "lon"])
df = flows.merge(info, on="station_id", how="inner").sort_values(["station_id", "hour_ts"])
df["net_flow"] = df["returns"] - df["rentals"]

g = df.groupby("station_id", sort=False)
for lag in (24, 48, 168):
    df[f"net_lag_{lag}"] = g["net_flow"].shift(lag)
    df[f"rent_lag_{lag}"] = g["rentals"].shift(lag)
df["net_roll7d_same_hour"] = g["net_flow"].transform(
    lambda s: sum(s.shift(24 * k) for k in range(1, 8)) / 7)
df["rent_roll24_lag24"] = g["rentals"].transform(lambda s: s.shift(24).rolling(24).mean())
df["hour"] = df["hour_ts"].dt.hour
df["dow"] = df["hour_ts"].dt.dayofweek
df["district"] = df["district"].astype("category")
df = df.dropna(subset=["net_lag_168", "net_roll7d_same_hour", "rent_roll24_lag24"])

FEATS = ["hour", "dow", "capacity", "district", "lat", "lon", "temp_c", "precip_mm",
         "net_lag_24", "net_lag_48", "net_lag_168", "rent_lag_24", "rent_lag_48", "rent_lag_168",
         "net_roll7d_same_hour", "rent_roll24_lag24"]
t = df["hour_ts"]
train = df[t < args.valid_start]
valid = df[(t >= args.valid_start) & (t < args.test_start)]
test = df[t >= args.test_start]

model = lgb.LGBMRegressor(objective="huber", alpha=3.0, n_estimators=5000, learning_rate=0.03,
                          num_leaves=127, min_child_samples=200, subsample=0.7, subsample_freq=1,
                          colsample_bytree=0.7, random_state=args.seed, verbose=-1)
model.fit(train[FEATS], train["net_flow"], eval_set=[(valid[FEATS], valid["net_flow"])],
          eval_metric="l1", callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)])

pred = model.predict(test[FEATS])
daily_err = (test.assign(err=test["net_flow"] - pred)
             .groupby(["station_id", test["hour_ts"].dt.date])["err"].sum().abs())
print(json.dumps({
    "best_iteration": model.best_iteration_,
    "test_mae_hourly": mean_absolute_error(test["net_flow"], pred),
    "test_mae_same_hour_last_week": mean_absolute_error(test["net_flow"], test["net_lag_168"]),
    "test_mae_daily_station_net": float(daily_err.mean()),
    "p90_daily_station_net_err": float(np.percentile(daily_err, 90)),
}, indent=2))
model.booster_.save_model("models/net_flow_lgbm.txt")
