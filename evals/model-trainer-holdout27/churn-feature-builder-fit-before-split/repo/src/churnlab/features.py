from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, StandardScaler


class FeatureBuilder:
    """Turns the raw customer snapshot into a dense model matrix."""

    def __init__(self, numeric: list[str], categorical: list[str], tenure_bins: int = 5):
        self.numeric = numeric
        self.categorical = categorical
        self.tenure_bins = tenure_bins

    def fit(self, df: pd.DataFrame) -> "FeatureBuilder":
        self.imputer_ = SimpleImputer(strategy="median").fit(df[self.numeric])
        self.scaler_ = StandardScaler().fit(self.imputer_.transform(df[self.numeric]))
        self.ohe_ = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(
            df[self.categorical].fillna("missing")
        )
        qs = np.linspace(0, 1, self.tenure_bins + 1)[1:-1]
        self.tenure_edges_ = np.quantile(df["tenure_days"], qs)
        return self

    def transform(self, df: pd.DataFrame) -> np.ndarray:
        num = self.scaler_.transform(self.imputer_.transform(df[self.numeric]))
        cat = self.ohe_.transform(df[self.categorical].fillna("missing"))
        tenure_bucket = np.digitize(df["tenure_days"], self.tenure_edges_)[:, None]
        spend_per_login = (df["monthly_spend"] / (df["logins_30d"] + 1)).to_numpy()[:, None]
        return np.hstack([num, cat, tenure_bucket, spend_per_login])

    def fit_transform(self, df: pd.DataFrame) -> np.ndarray:
        return self.fit(df).transform(df)
