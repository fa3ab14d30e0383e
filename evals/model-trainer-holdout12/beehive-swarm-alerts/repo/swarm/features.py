import numpy as np
import pandas as pd

FEATURES = [
    "weight_delta_24h", "weight_delta_72h", "brood_temp_mean", "brood_temp_std",
    "acoustic_400_500hz", "acoustic_piping_ratio", "humidity_in", "ambient_max_c",
    "queen_age_months", "frames_capped_brood", "days_since_inspection", "doy_sin", "doy_cos",
]
TARGET = "swarm_within_3d"


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["date"] = pd.to_datetime(out["date"])
    doy = out["date"].dt.dayofyear
    out["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    out["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    out["acoustic_piping_ratio"] = out["acoustic_400_500hz"] / (out["acoustic_total"] + 1e-6)
    return out
