import numpy as np
from sklearn.metrics import mean_poisson_deviance


def exposure_weighted_deviance(y_freq, mu, exposure):
    return mean_poisson_deviance(y_freq, np.clip(mu, 1e-9, None), sample_weight=exposure)


def lorenz_gini(y_freq, mu, exposure):
    order = np.argsort(mu)
    claims = (y_freq * exposure)[order]
    cum_exposure = np.cumsum(exposure[order]) / exposure.sum()
    cum_claims = np.cumsum(claims) / claims.sum()
    return 1 - 2 * np.trapz(cum_claims, cum_exposure)
