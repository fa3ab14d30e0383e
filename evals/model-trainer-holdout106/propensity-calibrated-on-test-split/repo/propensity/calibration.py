"""Probability calibration helpers for the lapse propensity scores."""
import numpy as np
from sklearn.isotonic import IsotonicRegression


def fit_isotonic(scores, y):
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0)
    iso.fit(np.asarray(scores), np.asarray(y))
    return iso


def expected_calibration_error(y, p, n_bins=15):
    y, p = np.asarray(y), np.asarray(p)
    bins = np.quantile(p, np.linspace(0, 1, n_bins + 1))
    idx = np.clip(np.digitize(p, bins[1:-1]), 0, n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        m = idx == b
        if m.any():
            ece += m.mean() * abs(p[m].mean() - y[m].mean())
    return ece


def expected_saves(p, capacity):
    """Expected number of lapsers reached when calling the top `capacity` policyholders."""
    top = np.sort(p)[::-1][:capacity]
    return float(top.sum())
