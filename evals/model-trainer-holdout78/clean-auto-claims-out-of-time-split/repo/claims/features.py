import pandas as pd

FEATURES = [
    "driver_age", "years_licensed", "vehicle_age", "vehicle_value", "annual_mileage",
    "territory_code", "credit_tier", "prior_claims_1y", "prior_claims_3y", "tenure_years",
    "multi_policy", "premium_change_pct",
]
CATEGORICAL = ["territory_code", "credit_tier"]


def build_history_features(df: pd.DataFrame) -> pd.DataFrame:
    """Lagged per-policy history; every value only looks at earlier policy years."""
    df = df.sort_values(["policy_id", "policy_year"]).copy()
    grp = df.groupby("policy_id")["claim_count"]
    df["prior_claims_1y"] = grp.shift(1).fillna(0)
    df["prior_claims_3y"] = grp.transform(lambda s: s.shift(1).rolling(3, min_periods=1).sum()).fillna(0)
    df["tenure_years"] = df.groupby("policy_id").cumcount()
    prev = df.groupby("policy_id")["written_premium"].shift(1)
    df["premium_change_pct"] = (df["written_premium"] / prev - 1).fillna(0)
    df["age_band"] = pd.cut(df["driver_age"], [15, 24, 34, 49, 64, 120]).astype(str)
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df.sort_values(["policy_year", "policy_id"]).reset_index(drop=True)
