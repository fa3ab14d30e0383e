"""Loading and cleaning of cluster-level malaria survey data (MIS / DHS style)."""
from pathlib import Path

import numpy as np
import pandas as pd

NUMERIC_COLS = [
    "elevation_m",
    "dist_water_km",
    "evi_mean",
    "lst_day_c",
    "lst_night_c",
    "precip_annual_mm",
    "itn_access",
    "urban_footprint",
    "log_travel_time",
]


def load_clusters(path: str | Path, min_tested: int = 5) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[df["n_tested"] >= min_tested].copy()
    df["pfpr"] = df["n_positive"] / df["n_tested"]
    df["survey_year"] = df["survey_year"].astype(int)
    return df.reset_index(drop=True)


def clean_covariates(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    # DEM artefacts along the coast
    df.loc[df["elevation_m"] < -50, "elevation_m"] = np.nan
    df["log_travel_time"] = np.log1p(df["travel_time_city_min"])
    for col in ("admin1", "admin2"):
        df[col] = df[col].astype(str).str.strip().str.title()
    return df
