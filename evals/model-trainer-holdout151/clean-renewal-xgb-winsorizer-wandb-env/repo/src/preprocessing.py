import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin


class QuantileClipper(BaseEstimator, TransformerMixin):
    """Clip heavy-tailed columns to quantiles learned in fit()."""

    def __init__(self, cols, lower_q=0.01, upper_q=0.99):
        self.cols = cols
        self.lower_q = lower_q
        self.upper_q = upper_q

    def fit(self, X: pd.DataFrame, y=None):
        self.lower_ = X[self.cols].quantile(self.lower_q)
        self.upper_ = X[self.cols].quantile(self.upper_q)
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        X = X.copy()
        X[self.cols] = X[self.cols].clip(lower=self.lower_, upper=self.upper_, axis=1)
        return X


def add_ratios(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["arr_per_seat"] = df["arr"] / df["seats"].clip(lower=1)
    df["active_seat_share"] = df["active_seats_30d"] / df["seats"].clip(lower=1)
    df["usage_trend"] = np.log1p(df["api_calls_30d"]) - np.log1p(df["api_calls_prev_30d"])
    return df
