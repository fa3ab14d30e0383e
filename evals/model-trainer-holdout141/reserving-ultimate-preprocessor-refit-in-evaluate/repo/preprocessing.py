"""Claim-level features at the 12-month development snapshot."""
import numpy as np
import pandas as pd

NUMERIC = ["paid_to_date_12m", "case_reserve_12m", "incurred_to_date_12m", "n_payments_12m",
           "claimant_age", "report_lag_days", "days_open_12m"]
CATEGORICAL = ["line_of_business", "injury_code", "litigation_flag", "state", "adjuster_team"]


class ClaimSnapshotPreprocessor:
    """Median-impute + standardise numerics, integer-code categoricals (unseen -> -1)."""

    def __init__(self, numeric=NUMERIC, categorical=CATEGORICAL):
        self.numeric = list(numeric)
        self.categorical = list(categorical)

    def fit(self, df: pd.DataFrame):
        num = np.log1p(df[self.numeric].clip(lower=0))
        self.medians_ = num.median()
        num = num.fillna(self.medians_)
        self.means_ = num.mean()
        self.stds_ = num.std().replace(0, 1.0)
        self.levels_ = {c: {v: i for i, v in enumerate(sorted(df[c].astype(str).unique()))}
                        for c in self.categorical}
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        num = np.log1p(df[self.numeric].clip(lower=0)).fillna(self.medians_)
        out = (num - self.means_) / self.stds_
        for c in self.categorical:
            out[c] = df[c].astype(str).map(self.levels_[c]).fillna(-1).astype(int)
        return out

    def fit_transform(self, df: pd.DataFrame) -> pd.DataFrame:
        return self.fit(df).transform(df)
