import numpy as np
import pandas as pd

CATEGORICAL = ["species", "site_id", "seed_source"]
NUMERIC = [
    "grow_days", "depth_m", "mean_sst_c", "min_sst_c", "nitrate_umol",
    "mean_current_cms", "exposure_index", "line_length_m", "seed_density",
]


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["grow_days"] = (out["harvested_on"] - out["seeded_on"]).dt.days
    out["seed_density"] = out["seed_spools"] / out["line_length_m"]
    out["exposure_index"] = np.log1p(out["fetch_km"]) * out["mean_wind_ms"]
    for c in CATEGORICAL:
        out[c] = out[c].astype("category")
    return out[CATEGORICAL + NUMERIC]
