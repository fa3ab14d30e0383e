"""Out-of-fold target encoding."""
import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold


def _smoothed_means(x: pd.Series, y: pd.Series, prior: float, smoothing: float) -> pd.Series:
    stats = y.groupby(x).agg(["sum", "count"])
    return (stats["sum"] + prior * smoothing) / (stats["count"] + smoothing)


class OOFTargetEncoder:
    """fit_transform encodes each training row with statistics from the other inner folds;
    transform encodes new rows with statistics from all rows seen in fit."""

    def __init__(self, cols, n_splits=5, smoothing=30.0, seed=0):
        self.cols = cols
        self.n_splits = n_splits
        self.smoothing = smoothing
        self.seed = seed

    def fit(self, X, y):
        self.prior_ = float(y.mean())
        self.maps_ = {c: _smoothed_means(X[c], y, self.prior_, self.smoothing) for c in self.cols}
        return self

    def transform(self, X):
        out = pd.DataFrame(index=X.index)
        for c in self.cols:
            out[f"{c}_te"] = X[c].map(self.maps_[c]).fillna(self.prior_).astype(float)
        return out

    def fit_transform(self, X, y):
        self.fit(X, y)
        out = pd.DataFrame(np.nan, index=X.index, columns=[f"{c}_te" for c in self.cols])
        inner = StratifiedKFold(n_splits=self.n_splits, shuffle=True, random_state=self.seed)
        for fit_idx, enc_idx in inner.split(X, y):
            X_fit, y_fit = X.iloc[fit_idx], y.iloc[fit_idx]
            prior = float(y_fit.mean())
            for c in self.cols:
                means = _smoothed_means(X_fit[c], y_fit, prior, self.smoothing)
                out.iloc[enc_idx, out.columns.get_loc(f"{c}_te")] = (
                    X[c].iloc[enc_idx].map(means).fillna(prior).values
                )
        return out
