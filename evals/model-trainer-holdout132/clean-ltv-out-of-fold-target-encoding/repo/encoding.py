"""Smoothed target encoding with out-of-fold values for the training rows."""
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold


class OOFTargetEncoder:
    def __init__(self, cols, alpha=50.0, n_splits=5, seed=0):
        self.cols = cols
        self.alpha = alpha
        self.n_splits = n_splits
        self.seed = seed
        self.maps_ = {}
        self.prior_ = None

    def _stats(self, x: pd.Series, y: pd.Series, prior: float) -> pd.Series:
        agg = y.groupby(x).agg(["sum", "count"])
        return (agg["sum"] + self.alpha * prior) / (agg["count"] + self.alpha)

    def fit_transform(self, X: pd.DataFrame, y: pd.Series) -> pd.DataFrame:
        """Encodings for the training rows come from the other folds only."""
        self.prior_ = float(y.mean())
        out = pd.DataFrame(index=X.index)
        kf = KFold(n_splits=self.n_splits, shuffle=True, random_state=self.seed)
        for col in self.cols:
            enc = np.full(len(X), self.prior_)
            for fit_idx, enc_idx in kf.split(X):
                m = self._stats(X[col].iloc[fit_idx], y.iloc[fit_idx], self.prior_)
                enc[enc_idx] = X[col].iloc[enc_idx].map(m).fillna(self.prior_).to_numpy()
            out[f"{col}_te"] = enc
            self.maps_[col] = self._stats(X[col], y, self.prior_)
        return out

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame(index=X.index)
        for col in self.cols:
            out[f"{col}_te"] = X[col].map(self.maps_[col]).fillna(self.prior_).to_numpy()
        return out
