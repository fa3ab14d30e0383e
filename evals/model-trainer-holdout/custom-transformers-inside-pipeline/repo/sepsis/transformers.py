"""Custom sklearn transformers. Everything they learn is learned in fit(), so they are safe inside a Pipeline."""
import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin


class QuantileClipper(BaseEstimator, TransformerMixin):
    """Clip each column to quantiles learned from the data passed to fit()."""

    def __init__(self, lower=0.01, upper=0.99):
        self.lower = lower
        self.upper = upper

    def fit(self, X, y=None):
        values = np.asarray(X, dtype=float)
        self.low_ = np.nanquantile(values, self.lower, axis=0)
        self.high_ = np.nanquantile(values, self.upper, axis=0)
        return self

    def transform(self, X):
        return np.clip(np.asarray(X, dtype=float), self.low_, self.high_)


class VitalsRatios(BaseEstimator, TransformerMixin):
    """Row-wise clinical ratios; nothing is learned."""

    def fit(self, X, y=None):
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        return X.assign(
            shock_index=X["heart_rate"] / X["systolic_bp"],
            pulse_pressure=X["systolic_bp"] - X["diastolic_bp"],
            spo2_fio2=X["spo2"] / X["fio2"],
        )


class MissingIndicatorFrame(BaseEstimator, TransformerMixin):
    """Adds a 0/1 column for every column that had missing values in fit()."""

    def fit(self, X: pd.DataFrame, y=None):
        self.columns_ = [c for c in X.columns if X[c].isna().any()]
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        flags = X[self.columns_].isna().astype(int).add_suffix("_missing")
        return pd.concat([X, flags], axis=1)
