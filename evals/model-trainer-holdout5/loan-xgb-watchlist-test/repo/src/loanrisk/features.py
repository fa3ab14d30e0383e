from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.preprocessing import OrdinalEncoder


class LoanFeaturizer:
    """Ordinal-encodes categoricals and adds a few ratio features."""

    def __init__(self, categorical: list[str], drop: list[str]):
        self.categorical = categorical
        self.drop = drop
        self.encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                      encoded_missing_value=-1)

    def _ratios(self, df: pd.DataFrame) -> pd.DataFrame:
        out = df.copy()
        out["loan_to_income"] = out["loan_amount"] / out["annual_income"].replace(0, np.nan)
        out["installment_to_income"] = 12 * out["installment"] / out["annual_income"].replace(0, np.nan)
        out["revol_util_x_dti"] = out["revol_util"] * out["dti"]
        return out.drop(columns=self.drop)

    def fit(self, df: pd.DataFrame) -> "LoanFeaturizer":
        self.encoder.fit(df[self.categorical])
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        out = self._ratios(df)
        out[self.categorical] = self.encoder.transform(df[self.categorical])
        return out
