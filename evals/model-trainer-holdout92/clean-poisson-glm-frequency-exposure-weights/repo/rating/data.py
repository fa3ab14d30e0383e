"""Loading and stateless cleaning of the MTPL policy-year panel."""
import numpy as np
import pandas as pd


def load_panel(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[(df["exposure"] > 0) & (df["exposure"] <= 1.0)].copy()
    # cap implausible entries using the underwriting rules (not data-driven)
    df["driver_age"] = df["driver_age"].clip(18, 90)
    df["vehicle_age"] = df["vehicle_age"].clip(0, 25)
    df["bonus_malus"] = df["bonus_malus"].clip(50, 150)
    df["log_density"] = np.log(df["density"].clip(lower=1))
    df["vehicle_brand"] = df["vehicle_brand"].fillna("UNKNOWN")
    df["frequency"] = df["claim_count"] / df["exposure"]
    return df


def split_by_policy_year(df: pd.DataFrame, first_year: int, test_year: int):
    train = df[(df["policy_year"] >= first_year) & (df["policy_year"] < test_year)]
    test = df[df["policy_year"] == test_year]
    return train, test
