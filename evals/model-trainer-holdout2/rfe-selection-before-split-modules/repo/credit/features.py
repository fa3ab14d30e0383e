"""Feature construction and selection for the charge-off model."""
import numpy as np
import pandas as pd
from sklearn.feature_selection import RFE
from sklearn.linear_model import LogisticRegression

from credit.data import CATEGORICAL, TARGET


def add_ratios(loans: pd.DataFrame) -> pd.DataFrame:
    out = loans.copy()
    out["installment_to_income"] = out["installment"] * 12 / out["annual_inc"].clip(lower=1)
    out["log_revol_bal"] = np.log1p(out["revol_bal"])
    out["credit_age_years"] = (out["issue_d"] - out["earliest_cr_line"]).dt.days / 365.25
    return out.drop(columns=["issue_d", "earliest_cr_line"])


def encode(loans: pd.DataFrame) -> pd.DataFrame:
    return pd.get_dummies(loans, columns=CATEGORICAL, dtype=float)


def select_features(loans: pd.DataFrame, n_keep: int = 25) -> list[str]:
    """Recursive feature elimination with a standardised logistic model."""
    candidates = loans.drop(columns=[TARGET])
    standardised = (candidates - candidates.mean()) / candidates.std().replace(0, 1)
    rfe = RFE(LogisticRegression(max_iter=2000, C=0.5), n_features_to_select=n_keep, step=2)
    rfe.fit(standardised, loans[TARGET])
    return list(candidates.columns[rfe.support_])
