"""Cluster-level covariates for under-5 diarrhoea prevalence (two-week recall)."""
import numpy as np
import pandas as pd

FEATURES = [
    "improved_water_pct",
    "improved_sanitation_pct",
    "open_defecation_pct",
    "handwashing_station_pct",
    "wealth_score_mean",
    "mother_edu_secondary_pct",
    "pct_stunted",
    "rain_2mo_before_survey_mm",
    "lst_mean_c",
    "pop_density_log",
    "urban",
    "travel_time_city_log",
]


def load_clusters(path: str, min_children: int) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df[df["n_children"] >= min_children].copy()
    df["diarrhoea_prev"] = df["n_diarrhoea"] / df["n_children"]
    df["pop_density_log"] = np.log1p(df["pop_density"])
    df["travel_time_city_log"] = np.log1p(df["travel_time_city_min"])
    return df.reset_index(drop=True)
