"""Loading and feature helpers for the credit application data."""
import numpy as np
import pandas as pd

DATE_COLS = ["application_date", "employment_start"]


def load_applications(path):
    df = pd.read_parquet(path)
    for col in DATE_COLS:
        df[col] = pd.to_datetime(df[col], errors="coerce")
    df = df.drop_duplicates(subset="application_id")
    return df.reset_index(drop=True)


def build_features(df, categorical):
    feats = pd.DataFrame(index=df.index)
    feats["loan_amount"] = df["loan_amount"]
    feats["annual_income"] = df["annual_income"]
    feats["log_income"] = np.log1p(df["annual_income"].clip(lower=0))
    feats["debt_to_income"] = df["monthly_debt"] * 12 / df["annual_income"].replace(0, np.nan)
    feats["loan_to_income"] = df["loan_amount"] / df["annual_income"].replace(0, np.nan)
    feats["employment_years"] = (
        (df["application_date"] - df["employment_start"]).dt.days / 365.25
    )
    feats["n_open_accounts"] = df["n_open_accounts"]
    feats["n_delinquencies_2y"] = df["n_delinquencies_2y"]
    feats["credit_utilisation"] = df["revolving_balance"] / df["revolving_limit"].replace(0, np.nan)
    for col in categorical:
        feats[col] = df[col].astype("category")
    return feats
