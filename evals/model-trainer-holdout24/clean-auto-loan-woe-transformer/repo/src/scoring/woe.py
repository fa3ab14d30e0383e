"""Weight-of-evidence encoder usable inside sklearn pipelines (statistics learned in fit only)."""
import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin


class WoEEncoder(BaseEstimator, TransformerMixin):
    def __init__(self, numeric_bins: int = 8, min_bin_share: float = 0.02, eps: float = 0.5):
        self.numeric_bins = numeric_bins
        self.min_bin_share = min_bin_share
        self.eps = eps

    def _bin(self, col: str, s: pd.Series) -> pd.Series:
        if col in self.edges_:
            return pd.cut(s, self.edges_[col], include_lowest=True).astype(str)
        return s.astype(str)

    def fit(self, X: pd.DataFrame, y):
        X = pd.DataFrame(X).copy()
        y = pd.Series(np.asarray(y), index=X.index)
        self.edges_, self.maps_ = {}, {}
        n_bad, n_good = y.sum(), (1 - y).sum()
        for col in X.columns:
            if pd.api.types.is_numeric_dtype(X[col]):
                qs = np.unique(np.nanquantile(X[col], np.linspace(0, 1, self.numeric_bins + 1)))
                self.edges_[col] = np.concatenate([[-np.inf], qs[1:-1], [np.inf]])
            binned = self._bin(col, X[col])
            stats = y.groupby(binned).agg(["sum", "count"])
            bad = stats["sum"] + self.eps
            good = stats["count"] - stats["sum"] + self.eps
            woe = np.log((good / (n_good + self.eps)) / (bad / (n_bad + self.eps)))
            woe[stats["count"] < self.min_bin_share * len(X)] = 0.0
            self.maps_[col] = woe.to_dict()
        self.columns_ = list(X.columns)
        return self

    def transform(self, X):
        X = pd.DataFrame(X)
        out = {c: self._bin(c, X[c]).map(self.maps_[c]).fillna(0.0).astype(float) for c in self.columns_}
        return pd.DataFrame(out, index=X.index)
