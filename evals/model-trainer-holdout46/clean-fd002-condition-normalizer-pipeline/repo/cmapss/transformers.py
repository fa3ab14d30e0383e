"""Custom sklearn transformers for multi-condition C-MAPSS subsets."""
import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.cluster import KMeans


class ConditionNormalizer(BaseEstimator, TransformerMixin):
    """Cluster the operating settings into regimes and z-score sensors within each regime."""

    def __init__(self, setting_cols, sensor_cols, n_regimes=6, random_state=0):
        self.setting_cols = setting_cols
        self.sensor_cols = sensor_cols
        self.n_regimes = n_regimes
        self.random_state = random_state

    def fit(self, X: pd.DataFrame, y=None):
        self.kmeans_ = KMeans(self.n_regimes, n_init=10, random_state=self.random_state)
        regimes = self.kmeans_.fit_predict(X[self.setting_cols].round(1))
        grouped = X[self.sensor_cols].groupby(regimes)
        self.means_ = grouped.mean()
        self.stds_ = grouped.std().replace(0, 1.0)
        return self

    def transform(self, X: pd.DataFrame) -> np.ndarray:
        regimes = self.kmeans_.predict(X[self.setting_cols].round(1))
        vals = X[self.sensor_cols].to_numpy(dtype=float)
        mu = self.means_.loc[regimes].to_numpy()
        sd = self.stds_.loc[regimes].to_numpy()
        extra = X.drop(columns=self.setting_cols + self.sensor_cols).to_numpy(dtype=float)
        return np.hstack([(vals - mu) / sd, extra])
