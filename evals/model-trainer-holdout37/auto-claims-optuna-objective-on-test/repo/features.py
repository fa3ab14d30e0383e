"""Feature helpers shared by training and the scoring job."""
import numpy as np
import pandas as pd

NUM_COLS = [
    "driver_age", "vehicle_age", "vehicle_value", "annual_mileage", "years_licensed",
    "prior_claims_3y", "premium", "bonus_malus", "value_per_year", "young_driver",
]
CAT_COLS = ["region", "vehicle_make", "fuel_type", "usage", "payment_freq"]


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["value_per_year"] = out["vehicle_value"] / (out["vehicle_age"] + 1)
    out["young_driver"] = (out["driver_age"] < 25).astype(int)
    out["annual_mileage"] = np.log1p(out["annual_mileage"].clip(lower=0))
    for c in CAT_COLS:
        out[c] = out[c].fillna("missing").astype(str)
    return out
