import numpy as np
import pandas as pd

NUMERIC = ["forest_pct_1km", "deciduous_pct_1km", "edge_density", "impervious_pct", "elev_m",
           "tmax_jun", "ppt_may_jun", "ndvi_jun", "canopy_height_m"]


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    """Derived predictors shared with the 2024 prediction grid script."""
    out = df.copy()
    out["year_c"] = out["year"] - 2016
    out["log_edge_density"] = np.log1p(out["edge_density"])
    out["forest_x_decid"] = out["forest_pct_1km"] * out["deciduous_pct_1km"] / 100.0
    out["observer_first_year"] = out["observer_first_year"].astype(int)
    return out


def feature_columns():
    return NUMERIC + ["year_c", "log_edge_density", "forest_x_decid", "observer_first_year"]
