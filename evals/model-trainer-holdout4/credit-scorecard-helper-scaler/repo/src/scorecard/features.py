"""Feature engineering for the retail-loan application scorecard."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = [
    "annual_income",
    "loan_amount",
    "credit_utilisation",
    "months_employed",
    "num_open_lines",
    "debt_to_income",
    "num_delinquencies_24m",
]
CATEGORICAL = ["home_ownership", "loan_purpose", "region"]


def add_ratios(df: pd.DataFrame) -> pd.DataFrame:
    """Row-wise ratios; no statistics across applicants."""
    out = df.copy()
    out["loan_to_income"] = out["loan_amount"] / out["annual_income"].clip(lower=1)
    out["log_income"] = np.log1p(out["annual_income"].clip(lower=0))
    out["has_delinquency"] = (out["num_delinquencies_24m"] > 0).astype(int)
    return out


def build_design_matrix(df: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Impute, scale and one-hot encode the application table.

    Returns the dense design matrix and the list of column names, in order.
    """
    df = add_ratios(df)
    num_cols = NUMERIC + ["loan_to_income", "log_income", "has_delinquency"]

    imputer = SimpleImputer(strategy="median")
    scaler = StandardScaler()
    num = scaler.fit_transform(imputer.fit_transform(df[num_cols]))

    ohe = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
    cat = ohe.fit_transform(df[CATEGORICAL].fillna("missing"))

    X = np.hstack([num, cat])
    names = num_cols + list(ohe.get_feature_names_out(CATEGORICAL))
    return X, names
