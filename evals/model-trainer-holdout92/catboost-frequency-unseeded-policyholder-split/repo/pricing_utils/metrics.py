import numpy as np


def poisson_deviance(y, mu):
    y, mu = np.asarray(y, dtype=float), np.asarray(mu, dtype=float)
    term = np.where(y > 0, y * np.log(np.where(y > 0, y, 1.0) / mu), 0.0)
    return 2.0 * np.mean(term - (y - mu))


def gini(claims, pred_counts, exposure):
    claims, pred_counts, exposure = (np.asarray(a, dtype=float) for a in (claims, pred_counts, exposure))
    order = np.argsort(pred_counts / exposure)
    cx = np.concatenate([[0.0], np.cumsum(exposure[order]) / exposure.sum()])
    cy = np.concatenate([[0.0], np.cumsum(claims[order]) / claims.sum()])
    return 1.0 - 2.0 * np.trapz(cy, cx)
