import glob

import pandas as pd

BASE = ["speed_mps", "accel_long", "throttle_pct", "brake_pressure_bar", "dist_to_next_stop_m"]


def load(glob_pattern):
    df = pd.concat([pd.read_parquet(f) for f in sorted(glob.glob(glob_pattern))], ignore_index=True)
    return df.sort_values("timestamp").reset_index(drop=True)


def add_features(df, horizon):
    """Backward-looking features per service day; the target is speed `horizon` steps ahead."""
    g = df.groupby("service_day", sort=False)
    for lag in (5, 10, 20):
        df[f"speed_lag{lag}"] = g["speed_mps"].shift(lag)
    df["speed_delta_1s"] = df["speed_mps"] - df["speed_lag10"]
    df["brake_max_2s"] = g["brake_pressure_bar"].transform(lambda s: s.rolling(20, min_periods=1).max())
    df["target"] = g["speed_mps"].shift(-horizon)
    feats = BASE + ["speed_lag5", "speed_lag10", "speed_lag20", "speed_delta_1s", "brake_max_2s"]
    return df.dropna(subset=feats + ["target"]), feats
