"""Feature construction for the household material-hardship model."""
import numpy as np
import pandas as pd
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer

INCOME_ITEMS = ["wage_income", "self_emp_income", "transfer_income", "rent_paid"]
DEMOGRAPHIC = ["age_head", "hh_size", "n_children", "n_earners", "years_educ_head"]
CATEGORICAL = ["region", "tenure", "urban_rural", "marital_status_head"]

# Questionnaire nonresponse codes used across all three waves.
NONRESPONSE_CODES = [-7, -8, -9]


def recode_missing(df: pd.DataFrame) -> pd.DataFrame:
    """Refused / don't know / not ascertained become NaN."""
    out = df.copy()
    for col in INCOME_ITEMS + DEMOGRAPHIC:
        out[col] = out[col].where(~out[col].isin(NONRESPONSE_CODES), np.nan)
    for col in CATEGORICAL:
        out[col] = out[col].astype("string").fillna("missing")
    return out


def impute_nonresponse(df: pd.DataFrame, max_iter: int = 10, seed: int = 0) -> pd.DataFrame:
    """Chained-equations imputation of item nonresponse on the income block."""
    cols = INCOME_ITEMS + DEMOGRAPHIC
    out = df.copy()
    out["n_items_imputed"] = df[cols].isna().sum(axis=1)
    imputer = IterativeImputer(max_iter=max_iter, random_state=seed, skip_complete=True)
    out[cols] = imputer.fit_transform(out[cols])
    out[INCOME_ITEMS] = out[INCOME_ITEMS].clip(lower=0)
    return out


def add_derived(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    hh = out["hh_size"].clip(lower=1)
    total = out[INCOME_ITEMS[:3]].sum(axis=1)
    out["log_total_income"] = np.log1p(total)
    out["income_per_capita"] = total / np.sqrt(hh)
    out["rent_burden"] = (out["rent_paid"] * 12) / total.clip(lower=1000)
    out["dependency_ratio"] = out["n_children"] / hh
    out["earner_share"] = out["n_earners"] / hh
    return out


NUMERIC = INCOME_ITEMS + DEMOGRAPHIC + [
    "n_items_imputed",
    "log_total_income",
    "income_per_capita",
    "rent_burden",
    "dependency_ratio",
    "earner_share",
]
