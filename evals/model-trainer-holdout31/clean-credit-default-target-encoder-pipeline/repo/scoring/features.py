import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler, TargetEncoder

NUMERIC = ["annual_income", "loan_amount", "term_months", "int_rate", "dti", "revol_util",
           "open_acc", "delinq_2y", "inq_6m", "emp_length_years", "credit_history_months"]
HIGH_CARD = ["employer_industry", "zip3", "loan_purpose"]
RATIOS = ["loan_to_income", "installment_burden", "log_income"]
TARGET = "defaulted"


def add_ratios(df: pd.DataFrame) -> pd.DataFrame:
    """Row-wise ratios: no statistics across applicants."""
    out = df.copy()
    out["loan_to_income"] = out["loan_amount"] / out["annual_income"].clip(lower=1)
    out["installment_burden"] = (out["loan_amount"] / out["term_months"]) / (out["annual_income"] / 12).clip(lower=1)
    out["log_income"] = np.log1p(out["annual_income"])
    return out


def preprocessor(seed: int) -> ColumnTransformer:
    # TargetEncoder cross-fits internally (inner folds) when used through fit_transform,
    # and here it only ever sees the rows passed to Pipeline.fit.
    return ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
         NUMERIC + RATIOS),
        ("te", TargetEncoder(target_type="binary", cv=5, shuffle=True, random_state=seed), HIGH_CARD),
    ])
