"""Feature builders for the last-mile ETA model."""
import numpy as np
import pandas as pd


def add_time_features(df: pd.DataFrame) -> pd.DataFrame:
    ts = pd.to_datetime(df["dispatch_ts"])
    df["dispatch_hour"] = ts.dt.hour
    df["dispatch_dow"] = ts.dt.dayofweek
    df["is_weekend"] = (df["dispatch_dow"] >= 5).astype(int)
    df["is_peak"] = df["dispatch_hour"].isin([7, 8, 16, 17, 18]).astype(int)
    return df


def add_distance_features(df: pd.DataFrame) -> pd.DataFrame:
    # haversine between depot and drop-off point
    lat1, lon1 = np.radians(df["depot_lat"]), np.radians(df["depot_lon"])
    lat2, lon2 = np.radians(df["drop_lat"]), np.radians(df["drop_lon"])
    dlat, dlon = lat2 - lat1, lon2 - lon1
    a = np.sin(dlat / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin(dlon / 2) ** 2
    df["haversine_km"] = 6371.0 * 2 * np.arcsin(np.sqrt(a))
    df["stops_per_km"] = df["route_stop_count"] / df["haversine_km"].clip(lower=0.5)
    df["stop_position_frac"] = df["stop_sequence"] / df["route_stop_count"]
    return df


def add_zone_stats(df: pd.DataFrame, target: str = "delivery_minutes", min_count: int = 20) -> pd.DataFrame:
    """Smoothed mean delivery time per drop-off zone (zones with few drops shrink to the global mean)."""
    global_mean = df[target].mean()
    stats = df.groupby("drop_zone")[target].agg(["mean", "count"])
    smooth = (stats["mean"] * stats["count"] + global_mean * min_count) / (stats["count"] + min_count)
    df["zone_avg_minutes"] = df["drop_zone"].map(smooth).fillna(global_mean)
    return df
