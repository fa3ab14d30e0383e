"""Row-wise feature derivation for fleet telematics frequency data.

Every transform here uses only the values in the row itself or fixed constants, so it can be
applied to the full extract before splitting.
"""
import numpy as np
import pandas as pd

AGE_EDGES = [17, 21, 25, 30, 40, 55, 70, 120]
MILEAGE_CAP_KM = 150_000


def derive(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    km = out["km_driven"].clip(lower=100, upper=MILEAGE_CAP_KM)
    out["log_km"] = np.log(km)
    out["harsh_brake_per_100km"] = 100 * out["harsh_brake_events"] / km
    out["harsh_accel_per_100km"] = 100 * out["harsh_accel_events"] / km
    out["night_share"] = out["night_km"] / km
    out["motorway_share"] = out["motorway_km"] / km
    out["speeding_share"] = out["km_over_limit"] / km
    out["vehicle_age_yrs"] = (
        pd.to_datetime(out["period_start"]) - pd.to_datetime(out["first_registration"])
    ).dt.days / 365.25
    out["driver_age_band"] = pd.cut(out["driver_age"], bins=AGE_EDGES, labels=False, right=False)
    out["log_exposure"] = np.log(out["exposure_years"])
    return out


FEATURES = [
    "log_km", "harsh_brake_per_100km", "harsh_accel_per_100km", "night_share", "motorway_share",
    "speeding_share", "vehicle_age_yrs", "driver_age_band", "vehicle_weight_class", "fleet_size_band",
]
