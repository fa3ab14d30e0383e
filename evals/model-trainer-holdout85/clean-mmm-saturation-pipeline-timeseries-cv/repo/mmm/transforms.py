import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin


def geometric_adstock(spend, decay):
    """Carry-over of past spend into the current week; only uses weeks <= t."""
    out = np.zeros(len(spend), dtype=float)
    carry = 0.0
    for t, value in enumerate(spend):
        carry = value + decay * carry
        out[t] = carry
    return out


class HillSaturation(BaseEstimator, TransformerMixin):
    """Hill curve per channel; half-saturation point learned from training spend."""

    def __init__(self, quantile=0.5, slope=1.0):
        self.quantile = quantile
        self.slope = slope

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=float)
        self.half_sat_ = np.array(
            [np.quantile(col[col > 0], self.quantile) if (col > 0).any() else 1.0 for col in X.T]
        )
        return self

    def transform(self, X):
        X = np.maximum(np.asarray(X, dtype=float), 0.0)
        return X**self.slope / (X**self.slope + self.half_sat_**self.slope)
