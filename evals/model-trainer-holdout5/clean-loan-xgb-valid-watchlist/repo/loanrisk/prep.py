from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder


def three_way_split(df: pd.DataFrame, target: str, test_frac: float, valid_frac: float, seed: int):
    """Stratified train / valid / test split; valid_frac is relative to the non-test part."""
    dev, test = train_test_split(df, test_size=test_frac, stratify=df[target], random_state=seed)
    train, valid = train_test_split(dev, test_size=valid_frac, stratify=dev[target], random_state=seed)
    return train.reset_index(drop=True), valid.reset_index(drop=True), test.reset_index(drop=True)


class Encoder:
    """Ordinal codes for categoricals (learned on the frame passed to fit) plus ratio features."""

    def __init__(self, categorical: list[str], drop: list[str]):
        self.categorical, self.drop = categorical, drop
        self._enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1)

    def fit(self, df: pd.DataFrame) -> "Encoder":
        self._enc.fit(df[self.categorical])
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        out = df.drop(columns=self.drop).copy()
        income = out["annual_income"].replace(0, np.nan)
        out["loan_to_income"] = out["loan_amount"] / income
        out["installment_to_income"] = 12 * out["installment"] / income
        out[self.categorical] = self._enc.transform(df[self.categorical])
        return out
