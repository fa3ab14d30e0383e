import numpy as np
import pandas as pd


def _smoothed_rate(frame: pd.DataFrame, key: str, target: str, m: float) -> pd.Series:
    glob = frame[target].mean()
    stats = frame.groupby(key)[target].agg(["sum", "count"])
    return (stats["sum"] + m * glob) / (stats["count"] + m)


def add_reliability_priors(frame: pd.DataFrame, keys, target: str, m: float) -> pd.DataFrame:
    """Historical failure propensity per building / controller family."""
    out = frame.copy()
    for key in keys:
        rate = _smoothed_rate(out, key, target, m)
        out[f"{key}_prior"] = out[key].map(rate)
    return out


def engineer(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["age_years"] = 2023 - out["install_year"]
    out["trips_per_floor"] = out["daily_trips"] / out["floors_served"].clip(lower=1)
    out["door_fault_share"] = out["n_door_faults"] / out["n_callouts"].replace(0, np.nan)
    out["controller_model"] = out["controller_model"].astype("category")
    return out


FEATURES = [
    "age_years", "floors_served", "daily_trips", "trips_per_floor", "load_kg",
    "n_callouts", "n_door_faults", "door_fault_share", "mean_downtime_h",
    "days_since_callout", "controller_model", "building_id_prior", "controller_model_prior",
]
