import numpy as np
import pandas as pd

CATEGORICAL = ["product_code", "channel", "residential_status", "employment_type"]
NUMERIC = [
    "requested_amount", "term_months", "applicant_age", "gross_monthly_income",
    "months_at_employer", "months_at_address", "bureau_score", "num_searches_6m",
    "num_active_accounts", "total_revolving_balance", "revolving_utilisation",
    "worst_status_12m", "num_arrears_24m", "months_since_last_default",
]


def load_applications(path, date_col, exclude_before):
    df = pd.read_parquet(path)
    df[date_col] = pd.to_datetime(df[date_col])
    # need 12 months of outcome window, and the 2019 H1 book used a different bureau feed
    df = df[df[date_col] >= exclude_before]
    df = df[df["outcome_window_complete"] == 1]
    return df


def add_features(df):
    df = df.copy()
    income = df["gross_monthly_income"].replace(0, np.nan)
    df["instalment_to_income"] = df["requested_amount"] / df["term_months"] / income
    df["revolving_to_income"] = df["total_revolving_balance"] / income
    df["age_at_address_ratio"] = df["months_at_address"] / (12 * df["applicant_age"])
    for c in CATEGORICAL:
        df[c] = df[c].astype("category")
    return df


def feature_list():
    return NUMERIC + CATEGORICAL + ["instalment_to_income", "revolving_to_income", "age_at_address_ratio"]


def time_split(df, date_col, oot_start):
    dev = df[df[date_col] < oot_start]
    oot = df[df[date_col] >= oot_start]
    return dev, oot
