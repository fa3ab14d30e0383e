import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

NUMERIC = ["haversine_km", "manhattan_km", "bearing_sin", "bearing_cos",
           "pickup_lat", "pickup_lng", "dropoff_lat", "dropoff_lng",
           "hour_sin", "hour_cos", "dow", "is_airport"]

EARTH_RADIUS_KM = 6371.0


def haversine(lat1, lng1, lat2, lng2):
    lat1, lng1, lat2, lng2 = map(np.radians, (lat1, lng1, lat2, lng2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lng2 - lng1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


def add_geo_time_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["haversine_km"] = haversine(df.pickup_lat, df.pickup_lng, df.dropoff_lat, df.dropoff_lng)
    df["manhattan_km"] = (haversine(df.pickup_lat, df.pickup_lng, df.pickup_lat, df.dropoff_lng)
                          + haversine(df.pickup_lat, df.dropoff_lng, df.dropoff_lat, df.dropoff_lng))
    bearing = np.arctan2(df.dropoff_lng - df.pickup_lng, df.dropoff_lat - df.pickup_lat)
    df["bearing_sin"], df["bearing_cos"] = np.sin(bearing), np.cos(bearing)
    hour = df.request_ts.dt.hour + df.request_ts.dt.minute / 60
    df["hour_sin"], df["hour_cos"] = np.sin(2 * np.pi * hour / 24), np.cos(2 * np.pi * hour / 24)
    df["dow"] = df.request_ts.dt.dayofweek
    df["is_airport"] = df.dropoff_zone.isin(["JFK", "LGA", "EWR"]).astype(int)
    return df


def make_design_matrix(df: pd.DataFrame, scaler: StandardScaler | None = None):
    """Returns (X, y, scaler). y is log trip duration in seconds."""
    feats = add_geo_time_features(df)
    if scaler is None:
        scaler = StandardScaler().fit(feats[NUMERIC])
    X = scaler.transform(feats[NUMERIC])
    y = np.log1p(feats["actual_duration_s"].to_numpy())
    return X, y, scaler
