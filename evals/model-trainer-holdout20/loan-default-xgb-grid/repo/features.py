import numpy as np
import pandas as pd

CATEGORICAL = ["home_ownership", "purpose", "employment_type", "region"]


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["debt_to_income"] = out["monthly_debt"] / out["monthly_income"].replace(0, np.nan)
    out["loan_to_income"] = out["loan_amount"] / (12 * out["monthly_income"]).replace(0, np.nan)
    out["credit_age_years"] = out["credit_history_months"] / 12.0
    out["has_delinquency"] = (out["delinquencies_2y"] > 0).astype(int)
    for col in CATEGORICAL:
        out[col] = out[col].astype("category")
    return out
