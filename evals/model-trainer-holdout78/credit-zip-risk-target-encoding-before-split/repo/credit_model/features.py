"""Feature engineering for the consumer credit scorecard."""
import numpy as np
import pandas as pd

NUMERIC_COLS = [
    "annual_income",
    "loan_amount",
    "revolving_util",
    "months_employed",
    "num_open_accounts",
    "num_delinquencies_2y",
    "dti",
    "loan_to_income",
    "zip3_default_rate",
]
CATEGORICAL_COLS = ["home_ownership", "loan_purpose", "employment_type"]
PROTECTED_COLS = ["applicant_sex", "applicant_race", "age_band"]


def add_ratio_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    income = out["annual_income"].clip(lower=1.0)
    out["dti"] = out["monthly_debt"] * 12 / income
    out["loan_to_income"] = out["loan_amount"] / income
    out["annual_income"] = np.log1p(out["annual_income"])
    return out


def add_zip_risk(df: pd.DataFrame, target: str, smoothing: float = 50.0) -> pd.DataFrame:
    """Smoothed default rate per 3-digit ZIP prefix (empirical-Bayes shrinkage to the portfolio mean)."""
    out = df.copy()
    prior = out[target].mean()
    stats = out.groupby("zip3")[target].agg(["sum", "count"])
    rate = (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)
    out["zip3_default_rate"] = out["zip3"].map(rate).fillna(prior)
    return out


def age_band(age: pd.Series) -> pd.Series:
    bands = pd.cut(age, bins=[17, 24, 39, 61, 120], labels=["18-24", "25-39", "40-61", "62+"])
    return bands.astype(str)
