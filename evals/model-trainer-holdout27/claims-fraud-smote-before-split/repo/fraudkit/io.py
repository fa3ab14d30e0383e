import pandas as pd

LABEL = "is_fraud"
NUMERIC = [
    "claim_amount",
    "policy_tenure_months",
    "prior_claims_5y",
    "vehicle_age_years",
    "days_to_report",
    "witness_present",
    "police_report_filed",
    "claimant_age",
]


def read_claims(path) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df.dropna(subset=[LABEL])
    df[LABEL] = df[LABEL].astype(int)
    return df
