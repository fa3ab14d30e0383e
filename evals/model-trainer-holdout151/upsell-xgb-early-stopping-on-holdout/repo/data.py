"""Loading + feature prep for the seat-upgrade (upsell) propensity model.

Accounts are SMB workspaces on a paid plan as of the snapshot; the label is
whether the workspace moved to a higher tier or added >=20% seats in the
following 90 days.
"""
import pandas as pd
from sklearn.model_selection import train_test_split

ID_COL = "workspace_id"

FEATURES = [
    "seats_paid",
    "seats_active_30d",
    "seat_utilisation",
    "mau_growth_90d",
    "projects_created_30d",
    "integrations_enabled",
    "api_calls_30d",
    "admin_logins_30d",
    "hit_plan_limit_30d",
    "invoices_paid_late_12m",
    "tenure_months",
    "is_annual",
    "tier_code",
    "industry_code",
]

TIER_CODES = {"team": 0, "business": 1, "enterprise": 2}


def load_accounts(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[df["tier"] != "enterprise"]  # nothing to upsell to
    df["seat_utilisation"] = df["seats_active_30d"] / df["seats_paid"].clip(lower=1)
    df["tier_code"] = df["tier"].map(TIER_CODES)
    df["is_annual"] = (df["billing_period"] == "annual").astype(int)
    df["industry_code"] = df["industry"].astype("category").cat.codes
    return df.reset_index(drop=True)


def split(df: pd.DataFrame, target: str, frac: float, seed: int):
    train, holdout = train_test_split(
        df, test_size=frac, stratify=df[target], random_state=seed
    )
    return train, holdout
