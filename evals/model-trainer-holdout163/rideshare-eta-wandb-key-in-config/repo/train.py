"""ETA model for Chicago TNP (rideshare) trips.

python train.py --config configs/eta_hgb.yaml [--no-wandb]
"""
import argparse

import numpy as np
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

from tracking import Tracker

AIRPORT_AREAS = {56, 64, 76}  # Garfield Ridge / Clearing (Midway), O'Hare


def load(cfg):
    df = pd.read_parquet(cfg["data"]["trips_path"])
    df = df.dropna(subset=["pickup_community_area", "dropoff_community_area", "trip_seconds"])
    df = df[(df["trip_seconds"] >= 60) & (df["trip_seconds"] <= 4 * 3600)]
    ts = df["trip_start_timestamp"]
    lat1, lon1 = np.radians(df["pickup_centroid_latitude"]), np.radians(df["pickup_centroid_longitude"])
    lat2, lon2 = np.radians(df["dropoff_centroid_latitude"]), np.radians(df["dropoff_centroid_longitude"])
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    df["centroid_miles"] = 2 * 3958.8 * np.arcsin(np.sqrt(a))
    df["hour"] = ts.dt.hour
    df["dow"] = ts.dt.dayofweek
    df["is_airport"] = (df["pickup_community_area"].isin(AIRPORT_AREAS)
                        | df["dropoff_community_area"].isin(AIRPORT_AREAS)).astype(int)
    return df.sort_values("trip_start_timestamp")


def build_model(cfg):
    cat, num = cfg["features"]["categorical"], cfg["features"]["numeric"]
    pre = ColumnTransformer([
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), cat),
        ("num", "passthrough", num),
    ])
    hgb = HistGradientBoostingRegressor(
        loss="absolute_error", categorical_features=list(range(len(cat))), **cfg["model"])
    return Pipeline([("pre", pre), ("hgb", hgb)])


def main(args):
    cfg = yaml.safe_load(open(args.config))
    tracker = Tracker(cfg, enabled=not args.no_wandb)

    df = load(cfg)
    train = df[df["trip_start_timestamp"] < cfg["data"]["train_end"]]
    test = df[df["trip_start_timestamp"] >= cfg["data"]["test_start"]]
    cols = cfg["features"]["categorical"] + cfg["features"]["numeric"]
    target = cfg["target"]

    model = build_model(cfg)
    model.fit(train[cols], train[target])
    pred = model.predict(test[cols])

    metrics = {
        "test_mae_s": mean_absolute_error(test[target], pred),
        "test_medae_s": median_absolute_error(test[target], pred),
        "test_mape": float(np.mean(np.abs(pred - test[target]) / test[target])),
        "n_train": len(train),
        "n_test": len(test),
    }
    print(metrics)
    tracker.log(metrics)
    tracker.summary(**metrics)
    tracker.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/eta_hgb.yaml")
    ap.add_argument("--no-wandb", action="store_true")
    main(ap.parse_args())
