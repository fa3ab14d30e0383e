import numpy as np
from scipy.optimize import curve_fit


def hill(spend, vmax, half_sat, slope):
    spend = np.maximum(spend, 0.0)
    return vmax * spend**slope / (spend**slope + half_sat**slope)


def fit_hill(spend, conversions):
    p0 = [conversions.max() * 1.5, np.median(spend), 1.0]
    bounds = ([0.0, 1.0, 0.3], [conversions.max() * 20, spend.max() * 10, 4.0])
    params, _ = curve_fit(hill, spend, conversions, p0=p0, bounds=bounds, maxfev=20000)
    return params


def linear_cpa(spend, conversions):
    cpa = spend.sum() / max(conversions.sum(), 1.0)
    return lambda s: np.asarray(s) / cpa
