"""Features for the policy snapshot: one row per policy in force on 2023-01-01,
target = a claim filed on that policy during 2023."""
import numpy as np
import pandas as pd

SNAPSHOT_YEAR = 2023
CAT_COLS = ["product", "channel", "vehicle_class", "region"]


def policy_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["premium_per_insured"] = df["annual_premium"] / df["sum_insured"].replace(0, np.nan)
    df["deductible_share"] = df["deductible"] / df["sum_insured"].replace(0, np.nan)
    df["vehicle_age"] = SNAPSHOT_YEAR - df["vehicle_year"]
    df["young_driver"] = (df["driver_age"] < 25).astype(int)
    return df


def customer_features(df: pd.DataFrame) -> pd.DataFrame:
    """Describe each customer by their own portfolio of policies (no labels involved)."""
    g = df.groupby("customer_id")
    df["cust_n_policies"] = g["policy_id"].transform("size")
    df["cust_n_products"] = g["product"].transform("nunique")
    df["cust_total_premium"] = g["annual_premium"].transform("sum")
    df["cust_premium_share"] = df["annual_premium"] / df["cust_total_premium"]
    df["cust_max_vehicle_age"] = g["vehicle_age"].transform("max")
    df["cust_tenure_years"] = SNAPSHOT_YEAR - g["start_year"].transform("min")
    return df
