"""Port-arrival ETA model for the Rotterdam approaches.

Each row is an AIS position report from a vessel inbound to Maasvlakte/Europoort, labelled
with the hours remaining until the vessel crossed the arrival geofence.
"""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import train_test_split

PORT_LAT, PORT_LON = 51.95, 4.05
EARTH_RADIUS_NM = 3440.065

FEATURES = [
    "dist_to_port_nm", "sog", "cog_to_port_delta", "sog_mean_12", "draught", "length",
    "ship_type", "hour", "dow", "inbound_queue",
]


def haversine_nm(lat1, lon1, lat2, lon2):
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_NM * np.arcsin(np.sqrt(a))


def bearing_deg(lat1, lon1, lat2, lon2):
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    x = np.sin(lon2 - lon1) * np.cos(lat2)
    y = np.cos(lat1) * np.sin(lat2) - np.sin(lat1) * np.cos(lat2) * np.cos(lon2 - lon1)
    return (np.degrees(np.arctan2(x, y)) + 360) % 360


def build_features(df):
    df = df.sort_values("timestamp").reset_index(drop=True)
    df["dist_to_port_nm"] = haversine_nm(df["lat"], df["lon"], PORT_LAT, PORT_LON)
    delta = (df["cog"] - bearing_deg(df["lat"], df["lon"], PORT_LAT, PORT_LON)).abs() % 360
    df["cog_to_port_delta"] = np.minimum(delta, 360 - delta)
    df["sog_mean_12"] = df.groupby("voyage_id")["sog"].transform(
        lambda s: s.rolling(12, min_periods=1).mean()
    )
    df["hour"] = df["timestamp"].dt.hour
    df["dow"] = df["timestamp"].dt.dayofweek

    # vessels inside 30 nm during the same hour, a rough proxy for pilot/berth queueing
    df["hour_bin"] = df["timestamp"].dt.floor("h")
    near = df[df["dist_to_port_nm"] < 30].groupby("hour_bin")["mmsi"].nunique()
    df["inbound_queue"] = df["hour_bin"].map(near).fillna(0).astype(int)

    df["ship_type"] = df["ship_type"].astype("category")
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/rtm_inbound_reports_2022_2023.parquet")
    ap.add_argument("--test-frac", type=float, default=0.2, help="fraction of most recent reports held out")
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("--out", default="models/eta_lgbm.txt")
    args = ap.parse_args()

    df = pd.read_parquet(args.data)
    df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True)
    df = df[df["sog"].between(0.0, 30.0) & df["hours_to_arrival"].between(0, 96)]
    df = build_features(df)

    X, y = df[FEATURES], df["hours_to_arrival"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=args.test_frac, random_state=args.seed)

    model = lgb.LGBMRegressor(
        n_estimators=1500,
        learning_rate=0.03,
        num_leaves=63,
        min_child_samples=50,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        objective="l1",
        random_state=args.seed,
    )
    model.fit(X_train, y_train, categorical_feature=["ship_type"])

    pred = model.predict(X_test)
    print(f"test MAE   {mean_absolute_error(y_test, pred):.2f} h")
    print(f"test MedAE {median_absolute_error(y_test, pred):.2f} h")

    buckets = pd.cut(X_test["dist_to_port_nm"], [0, 10, 30, 60, 120, np.inf])
    err = (pd.Series(pred, index=X_test.index) - y_test).abs()
    print(err.groupby(buckets, observed=True).agg(["mean", "count"]).round(2))

    model.booster_.save_model(args.out)


if __name__ == "__main__":
    main()
