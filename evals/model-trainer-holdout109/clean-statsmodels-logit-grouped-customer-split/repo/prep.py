"""Row-level cleaning for the consumer-loan application logit.

Caps are policy values from the credit manual, not percentiles of the data.
"""
import numpy as np
import pandas as pd

CAPS = {
    "gross_income_monthly": 25_000,
    "debt_to_income": 2.0,
    "num_searches_6m": 15,
    "num_active_loans": 12,
    "months_at_bank": 360,
}
IMPUTE_COLS = ["gross_income_monthly", "months_at_bank", "bureau_score"]


def clean(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for col, cap in CAPS.items():
        df[col] = df[col].clip(upper=cap)
    df["log_income"] = np.log1p(df["gross_income_monthly"])
    df["age_years"] = (pd.to_datetime(df["application_date"]) - pd.to_datetime(df["date_of_birth"])).dt.days / 365.25
    df["young_applicant"] = (df["age_years"] < 25).astype(int)
    df["has_prior_arrears"] = (df["worst_arrears_24m"] > 0).astype(int)
    return df


class TrainMedianImputer:
    """Medians learned on the development sample only."""

    def fit(self, df):
        self.medians_ = df[IMPUTE_COLS].median()
        return self

    def transform(self, df):
        df = df.copy()
        for col in IMPUTE_COLS:
            df[f"{col}_missing"] = df[col].isna().astype(int)
        df[IMPUTE_COLS] = df[IMPUTE_COLS].fillna(self.medians_)
        df["log_income"] = np.log1p(df["gross_income_monthly"])
        return df
