import numpy as np
import pandas as pd

NUMERIC = ["age", "bmi", "pb_marathon_min", "pb_half_min", "n_marathons", "weekly_km_reported",
           "longest_run_km", "days_since_last_race", "start_wave", "forecast_temp_c", "forecast_humidity"]
FLAGS = ["female", "first_marathon", "charity_bib", "international", "no_pb_reported"]


def make_features(entries: pd.DataFrame) -> pd.DataFrame:
    """Row-wise derivations only (no statistics over rows)."""
    f = entries.copy()
    f["female"] = (f["sex"] == "F").astype(int)
    f["first_marathon"] = (f["n_marathons"] == 0).astype(int)
    f["international"] = (f["country"] != "NL").astype(int)
    f["no_pb_reported"] = f["pb_marathon_min"].isna().astype(int)
    f["bmi"] = f["weight_kg"] / (f["height_cm"] / 100) ** 2
    f["pb_marathon_min"] = f["pb_marathon_min"].fillna(-1)
    f["pb_half_min"] = f["pb_half_min"].fillna(-1)
    f["log_weekly_km"] = np.log1p(f["weekly_km_reported"])
    return f[NUMERIC + FLAGS + ["log_weekly_km"]]
