import numpy as np
import pandas as pd

WEATHER = ["tmean_apr_jun", "tmin_winter", "precip_may_jun", "rh_jun", "gdd_base10_jun"]
CANOPY = ["ndvi_jun", "ndvi_drop_jun_jul", "lai_jul"]
LANDSCAPE = ["maize_frac_5km", "forest_edge_km", "trap_count_prev_season", "dist_outbreak_prev_km"]


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["log_trap_prev"] = np.log1p(out["trap_count_prev_season"])
    out["warm_wet"] = (out["tmean_apr_jun"] > 18) & (out["precip_may_jun"] > 120)
    out["warm_wet"] = out["warm_wet"].astype(int)
    out["sowing_doy"] = pd.to_datetime(out["sowing_date"]).dt.dayofyear
    return out


def feature_columns():
    return WEATHER + CANOPY + LANDSCAPE + ["log_trap_prev", "warm_wet", "sowing_doy"]
