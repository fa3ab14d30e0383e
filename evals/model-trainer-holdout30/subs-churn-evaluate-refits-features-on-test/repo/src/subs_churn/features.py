"""Tabular feature builder for the subscription-churn model."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TARGET = "cancelled_next_month"


class FeatureBuilder:
    """Median-impute + standardise numerics, one-hot categoricals."""

    def __init__(self, numeric: list[str], categorical: list[str]) -> None:
        self.numeric = numeric
        self.categorical = categorical
        self._ct = ColumnTransformer(
            [
                ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
                ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
            ]
        )

    def fit(self, df: pd.DataFrame) -> "FeatureBuilder":
        self._ct.fit(df[self.numeric + self.categorical])
        return self

    def transform(self, df: pd.DataFrame) -> np.ndarray:
        return self._ct.transform(df[self.numeric + self.categorical])

    def fit_transform(self, df: pd.DataFrame) -> np.ndarray:
        return self.fit(df).transform(df)
