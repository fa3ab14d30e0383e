"""Loading and splitting of the taxi fare table (one row per completed trip)."""
import numpy as np
import pandas as pd

NUMERIC = ["trip_km", "eta_min", "passengers", "pickup_hour", "toll_count"]
CATEGORICAL = ["pickup_zone", "dropoff_zone", "vendor"]
TARGET = "fare_amount"


def load_trips(path: str) -> pd.DataFrame:
    trips = pd.read_parquet(path)
    trips = trips[(trips[TARGET] > 0) & (trips["trip_km"] > 0)]
    return trips.astype({c: "category" for c in CATEGORICAL})


def split_holdout(trips: pd.DataFrame, fraction: float, seed: int):
    """Random row split; trips are independent of each other."""
    order = np.random.default_rng(seed).permutation(len(trips))
    n_eval = int(len(trips) * fraction)
    eval_rows, fit_rows = order[:n_eval], order[n_eval:]
    return trips.iloc[fit_rows], trips.iloc[eval_rows]


def xy(frame: pd.DataFrame):
    return frame[NUMERIC + CATEGORICAL], frame[TARGET]
