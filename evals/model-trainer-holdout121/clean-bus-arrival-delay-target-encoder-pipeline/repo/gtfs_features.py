"""Turn matched GTFS-realtime TripUpdates into one row per (trip, stop) arrival."""
import numpy as np
import pandas as pd

HIGH_CARD = ["route_id", "stop_id", "block_id"]
LOW_CARD = ["direction_id", "service_type"]
NUMERIC = ["stop_sequence", "stop_frac", "sched_headway_min", "upstream_delay_s",
           "upstream_stops", "sched_hour", "dow", "dist_to_stop_km"]


def load_arrivals(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["scheduled_arrival"] = pd.to_datetime(df["scheduled_arrival"])
    df["arrival_delay_s"] = (pd.to_datetime(df["observed_arrival"]) - df["scheduled_arrival"]).dt.total_seconds()
    # AVL glitches: trips matched to the wrong block show multi-hour "delays"
    df = df[df["arrival_delay_s"].between(-600, 3600)]
    return df


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    n_stops = df.groupby("trip_id")["stop_sequence"].transform("max")
    df["stop_frac"] = df["stop_sequence"] / n_stops
    df["sched_hour"] = df["scheduled_arrival"].dt.hour + df["scheduled_arrival"].dt.minute / 60
    df["dow"] = df["scheduled_arrival"].dt.dayofweek
    # prediction is made when the bus is `upstream_stops` stops away; its delay there is known
    df["upstream_stops"] = np.minimum(df["stop_sequence"] - df["pred_from_stop_seq"], 30)
    for c in HIGH_CARD + LOW_CARD:
        df[c] = df[c].astype(str)
    return df
