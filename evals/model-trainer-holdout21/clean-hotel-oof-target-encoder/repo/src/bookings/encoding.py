"""Smoothed target encoding with out-of-fold statistics for the rows it is fitted on."""
import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.model_selection import KFold


class OOFTargetEncoder(BaseEstimator, TransformerMixin):
    def __init__(self, cols, smoothing: float = 20.0, n_splits: int = 5, random_state: int = 0):
        self.cols = cols
        self.smoothing = smoothing
        self.n_splits = n_splits
        self.random_state = random_state

    def _table(self, X: pd.DataFrame, y: pd.Series, col: str) -> pd.Series:
        stats = y.groupby(X[col]).agg(["sum", "count"])
        return (stats["sum"] + self.smoothing * self.prior_) / (stats["count"] + self.smoothing)

    def fit(self, X: pd.DataFrame, y: pd.Series):
        y = pd.Series(np.asarray(y), index=X.index)
        self.prior_ = float(y.mean())
        self.maps_ = {c: self._table(X, y, c) for c in self.cols}
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        out = X.copy()
        for c in self.cols:
            out[f"{c}_te"] = X[c].map(self.maps_[c]).astype(float).fillna(self.prior_)
        return out.drop(columns=self.cols)

    def fit_transform(self, X: pd.DataFrame, y: pd.Series = None, **fit_params) -> pd.DataFrame:
        """On the fitting rows every encoding comes from the other folds, never from the row's own label."""
        self.fit(X, y)
        y = pd.Series(np.asarray(y), index=X.index)
        out = X.copy()
        kf = KFold(n_splits=self.n_splits, shuffle=True, random_state=self.random_state)
        for c in self.cols:
            enc = pd.Series(np.nan, index=X.index, dtype=float)
            for fit_idx, enc_idx in kf.split(X):
                table = self._table(X.iloc[fit_idx], y.iloc[fit_idx], c)
                enc.iloc[enc_idx] = X[c].iloc[enc_idx].map(table).astype(float).to_numpy()
            out[f"{c}_te"] = enc.fillna(self.prior_)
        return out.drop(columns=self.cols)
