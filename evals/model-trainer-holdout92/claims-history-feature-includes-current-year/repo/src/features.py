"""Policyholder experience features for renewal pricing."""
import numpy as np
import pandas as pd


def add_claims_history(panel: pd.DataFrame) -> pd.DataFrame:
    """Per-policyholder claims experience up to each policy year."""
    panel = panel.sort_values(["policyholder_id", "policy_year"]).copy()
    g = panel.groupby("policyholder_id", sort=False)
    panel["years_with_company"] = g.cumcount()
    panel["prior_exposure"] = g["exposure"].cumsum() - panel["exposure"]
    panel["prior_claim_count"] = g["claim_count"].cumsum()
    panel["prior_claim_freq"] = panel["prior_claim_count"] / panel["prior_exposure"].clip(lower=0.25)
    return panel


def add_vehicle_features(panel: pd.DataFrame) -> pd.DataFrame:
    panel = panel.copy()
    panel["vehicle_age"] = (panel["policy_year"] - panel["vehicle_reg_year"]).clip(0, 25)
    panel["vehicle_group"] = panel["abi_group"].clip(1, 50)
    panel["annual_mileage"] = np.minimum(panel["declared_mileage"], 40_000)
    return panel
