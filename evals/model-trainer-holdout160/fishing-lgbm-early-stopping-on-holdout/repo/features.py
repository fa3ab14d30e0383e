import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

BASE = ["speed", "distance_from_shore", "distance_from_port", "lat_abs", "hour_sin", "hour_cos"]


def load_gfw(path):
    df = pd.read_csv(path)
    df = df[df["is_fishing"] >= 0].copy()
    df["is_fishing"] = (df["is_fishing"] > 0.5).astype(int)
    df["ts"] = pd.to_datetime(df["timestamp"], unit="s", utc=True)
    df = df.sort_values(["mmsi", "ts"]).reset_index(drop=True)
    df["lat_abs"] = df["lat"].abs()
    hour = df["ts"].dt.hour + df["lon"] / 15.0  # approximate local solar hour
    df["hour_sin"] = np.sin(2 * np.pi * hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * hour / 24)
    return df


def add_rolling_features(df, windows_h):
    """Backward-looking speed/course statistics per vessel."""
    course_rad = np.deg2rad(df["course"])
    df["course_sin"], df["course_cos"] = np.sin(course_rad), np.cos(course_rad)
    indexed = df.set_index("ts")
    cols = []
    for w in windows_h:
        roll = indexed.groupby("mmsi")[["speed", "course_sin", "course_cos"]].rolling(f"{w}h")
        agg = roll.agg(["mean", "std"])
        agg.columns = [f"{c}_{s}_{w}h" for c, s in agg.columns]
        df = df.join(agg.reset_index(drop=True))
        cols += list(agg.columns)
    df[cols] = df[cols].fillna(0.0)
    return df, BASE + cols


def split_by_vessel(df, holdout_frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=holdout_frac, random_state=seed)
    tr_idx, ho_idx = next(gss.split(df, groups=df["mmsi"]))
    return df.iloc[tr_idx], df.iloc[ho_idx]
