import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler


class OrderFeatureBuilder:
    """Winsorise + scale numerics, frequency-encode high-cardinality categoricals."""

    def __init__(self, numeric, categorical, clip_quantiles=(0.01, 0.99)):
        self.numeric = numeric
        self.categorical = categorical
        self.q_lo, self.q_hi = clip_quantiles
        self.scaler = StandardScaler()
        self.bounds_ = {}
        self.freqs_ = {}

    def fit(self, df: pd.DataFrame):
        for c in self.numeric:
            self.bounds_[c] = (df[c].quantile(self.q_lo), df[c].quantile(self.q_hi))
        self.scaler.fit(self._clip(df))
        for c in self.categorical:
            self.freqs_[c] = df[c].value_counts(normalize=True)
        return self

    def _clip(self, df):
        return np.column_stack([df[c].fillna(0).clip(*self.bounds_[c]) for c in self.numeric])

    def transform(self, df: pd.DataFrame) -> np.ndarray:
        num = self.scaler.transform(self._clip(df))
        cat = np.column_stack([df[c].map(self.freqs_[c]).fillna(0.0).values for c in self.categorical])
        return np.hstack([num, cat])

    def fit_transform(self, df: pd.DataFrame) -> np.ndarray:
        return self.fit(df).transform(df)


def load_and_split(path, split_date):
    df = pd.read_parquet(path)
    df["order_ts"] = pd.to_datetime(df["order_ts"])
    cut = pd.Timestamp(split_date)
    return df[df["order_ts"] < cut].copy(), df[df["order_ts"] >= cut].copy()
