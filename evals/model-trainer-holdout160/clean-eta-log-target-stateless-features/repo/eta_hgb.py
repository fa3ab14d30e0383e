"""Voyage-level ETA: predict total passage time (hours) at departure for Hamburg -> Rotterdam feeder runs.

One row per completed voyage. Evaluated on the most recent quarter.
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

DROP = ["imo", "vessel_name", "callsign", "arrival_time", "actual_track_nm", "avg_sog_voyage"]


def haversine_nm(lat1, lon1, lat2, lon2):
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi, dlmb = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * 3440.065 * np.arcsin(np.sqrt(a))


def prepare(voy):
    voy = voy.drop(columns=DROP)
    voy["gc_dist_nm"] = haversine_nm(voy["dep_lat"], voy["dep_lon"], voy["dest_lat"], voy["dest_lon"])
    voy["dep_hour_sin"] = np.sin(2 * np.pi * voy["departure_time"].dt.hour / 24)
    voy["dep_hour_cos"] = np.cos(2 * np.pi * voy["departure_time"].dt.hour / 24)
    voy["dep_dow"] = voy["departure_time"].dt.dayofweek
    voy["wind_kn"] = np.hypot(voy["wind_u10"], voy["wind_v10"]) * 1.94384
    voy["log_dwt"] = np.log1p(voy["dwt"])
    voy["log_passage_h"] = np.log1p(voy["passage_h"])
    return voy


ap = argparse.ArgumentParser()
ap.add_argument("--voyages", default="data/hh_rtm_voyages.parquet")
ap.add_argument("--test-start", default="2024-04-01")
ap.add_argument("--seed", type=int, default=0)
args = ap.parse_args()

voy = pd.read_parquet(args.voyages)
voy["departure_time"] = pd.to_datetime(voy["departure_time"], utc=True)
voy = prepare(voy.sort_values("departure_time"))

FEATURES = ["gc_dist_nm", "dep_hour_sin", "dep_hour_cos", "dep_dow", "wind_kn", "sig_wave_m",
            "log_dwt", "draught_dep", "service_speed_kn", "laden", "kiel_canal_route"]

is_test = voy["departure_time"] >= pd.Timestamp(args.test_start, tz="UTC")
train, test = voy[~is_test], voy[is_test]
print(f"train voyages: {len(train)} ({train.departure_time.min():%Y-%m} .. {train.departure_time.max():%Y-%m}),"
      f" test voyages: {len(test)}")

model = HistGradientBoostingRegressor(
    loss="absolute_error",
    learning_rate=0.05,
    max_iter=800,
    max_leaf_nodes=15,
    min_samples_leaf=30,
    l2_regularization=0.5,
    categorical_features=[FEATURES.index("kiel_canal_route"), FEATURES.index("laden")],
    early_stopping=True,
    validation_fraction=0.15,
    random_state=args.seed,
)
model.fit(train[FEATURES], train["log_passage_h"])

pred_h = np.expm1(model.predict(test[FEATURES]))
mae = mean_absolute_error(test["passage_h"], pred_h)
mape = mean_absolute_percentage_error(test["passage_h"], pred_h)
naive = mean_absolute_error(test["passage_h"], test["gc_dist_nm"] / test["service_speed_kn"])
print(f"test MAE {mae:.2f} h | MAPE {mape:.1%} | distance/service-speed baseline MAE {naive:.2f} h")

with open("eta_hgb_metrics.json", "w") as f:
    json.dump({"mae_h": mae, "mape": mape, "baseline_mae_h": naive, "n_test": int(len(test))}, f, indent=2)
