"""Row-wise listing features (no fitted state)."""
from __future__ import annotations

import numpy as np
import pandas as pd

REFERENCE_YEAR = 2024
HIGH_CARD = ["make_model", "trim", "dealer_id"]
NUMERIC = ["age_years", "log_km", "km_per_year", "engine_kw", "doors", "owners", "is_automatic", "is_diesel"]


def listing_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["make_model"] = out["make"].str.lower() + "|" + out["model"].str.lower()
    out["age_years"] = (REFERENCE_YEAR - out["first_registration_year"]).clip(lower=0)
    out["log_km"] = np.log1p(out["mileage_km"])
    out["km_per_year"] = out["mileage_km"] / out["age_years"].clip(lower=1)
    out["is_automatic"] = (out["gearbox"] == "automatic").astype(int)
    out["is_diesel"] = (out["fuel"] == "diesel").astype(int)
    out["log_price"] = np.log(out["price_eur"])
    return out
