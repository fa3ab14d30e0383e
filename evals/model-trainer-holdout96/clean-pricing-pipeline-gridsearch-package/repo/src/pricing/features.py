"""Row-wise feature derivations for vehicle listings (no fitted state)."""
import numpy as np
import pandas as pd

NUMERIC = ["vehicle_age", "mileage_km", "log_mileage", "engine_kw", "km_per_year", "n_prev_owners", "photos"]
CATEGORICAL = ["make", "model_family", "fuel_type", "gearbox", "body_type", "seller_type", "region"]


def derive(df: pd.DataFrame, snapshot_year: int) -> pd.DataFrame:
    out = df.copy()
    out["vehicle_age"] = (snapshot_year - out["first_registration_year"]).clip(lower=0)
    out["log_mileage"] = np.log1p(out["mileage_km"].clip(lower=0))
    out["km_per_year"] = out["mileage_km"] / out["vehicle_age"].clip(lower=1)
    out["model_family"] = out["model"].str.split().str[0].str.lower()
    out["make"] = out["make"].str.strip().str.lower()
    return out


def clean(df: pd.DataFrame, target: str) -> pd.DataFrame:
    df = df.dropna(subset=[target])
    df = df[(df[target] > 500) & (df[target] < 250_000)]
    return df.drop_duplicates(subset="listing_id")
