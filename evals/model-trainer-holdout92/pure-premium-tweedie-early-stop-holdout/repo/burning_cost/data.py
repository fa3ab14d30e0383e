"""Build the policy-year panel used by the burning cost models."""
import numpy as np
import pandas as pd

FEATURES = [
    "sum_insured_building", "sum_insured_contents", "construction_type", "roof_type",
    "year_built", "n_bedrooms", "flood_zone", "subsidence_score", "crime_index",
    "voluntary_excess", "policyholder_age", "ncd_years", "occupancy", "region",
]
CATEGORICAL = ["construction_type", "roof_type", "flood_zone", "occupancy", "region"]


def load_policy_year_panel(policy_path: str, claims_path: str) -> pd.DataFrame:
    policies = pd.read_parquet(policy_path)
    claims = pd.read_parquet(claims_path)
    incurred = (
        claims.groupby(["policy_id", "policy_year"], as_index=False)
        .agg(incurred=("incurred_amount", "sum"), claim_count=("claim_id", "nunique"))
    )
    panel = policies.merge(incurred, on=["policy_id", "policy_year"], how="left")
    panel[["incurred", "claim_count"]] = panel[["incurred", "claim_count"]].fillna(0.0)
    panel = panel[panel["exposure"] > 0].copy()
    for col in CATEGORICAL:
        panel[col] = panel[col].astype("category")
    panel["year_built"] = panel["year_built"].clip(1850, 2023)
    panel["sum_insured_building"] = np.log1p(panel["sum_insured_building"])
    panel["sum_insured_contents"] = np.log1p(panel["sum_insured_contents"])
    return panel


def split_by_year(panel: pd.DataFrame, holdout_year: int):
    train = panel[panel["policy_year"] < holdout_year].reset_index(drop=True)
    holdout = panel[panel["policy_year"] == holdout_year].reset_index(drop=True)
    return train, holdout
