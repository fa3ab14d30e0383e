import numpy as np
import pandas as pd

FEATURES = [
    "log_claimed", "claimed_to_sum_insured", "days_since_inception", "days_to_expiry",
    "report_lag_days", "n_prior_claims_policy", "business_age_years", "log_turnover",
    "premium_arrears_flag", "cover_increase_90d", "peril_fire", "peril_theft", "peril_escape_of_water",
]


def build(claims: pd.DataFrame, policies: pd.DataFrame) -> pd.DataFrame:
    df = claims.merge(policies, on="policy_id", how="left", validate="many_to_one")
    for c in ["loss_date", "report_date", "inception_date", "expiry_date", "business_start_date"]:
        df[c] = pd.to_datetime(df[c])
    df = df.sort_values(["policy_id", "report_date"])
    df["n_prior_claims_policy"] = df.groupby("policy_id").cumcount()
    df["log_claimed"] = np.log1p(df["claimed_amount"])
    df["claimed_to_sum_insured"] = df["claimed_amount"] / df["sum_insured"]
    df["days_since_inception"] = (df["loss_date"] - df["inception_date"]).dt.days
    df["days_to_expiry"] = (df["expiry_date"] - df["loss_date"]).dt.days
    df["report_lag_days"] = (df["report_date"] - df["loss_date"]).dt.days
    df["business_age_years"] = (df["loss_date"] - df["business_start_date"]).dt.days / 365.25
    df["log_turnover"] = np.log1p(df["annual_turnover"])
    for p in ["fire", "theft", "escape_of_water"]:
        df[f"peril_{p}"] = (df["peril"] == p).astype(int)
    return df.sort_values("report_date").reset_index(drop=True)
