"""Scoring helpers for frequency models."""
import numpy as np
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance


def lorenz_curve(y_true, y_pred, exposure):
    order = np.argsort(y_pred)
    ranked_exposure = exposure[order]
    ranked_claims = (y_true * exposure)[order]
    cum_claims = np.cumsum(ranked_claims) / ranked_claims.sum()
    cum_exposure = np.cumsum(ranked_exposure) / ranked_exposure.sum()
    return cum_exposure, cum_claims


def gini_index(y_true, y_pred, exposure) -> float:
    cum_exposure, cum_claims = lorenz_curve(y_true, y_pred, exposure)
    return 1 - 2 * np.trapz(cum_claims, cum_exposure)


def score_frequency(y_true, y_pred, exposure) -> dict:
    return {
        "poisson_deviance": float(mean_poisson_deviance(y_true, y_pred, sample_weight=exposure)),
        "mae": float(mean_absolute_error(y_true, y_pred, sample_weight=exposure)),
        "gini": float(gini_index(y_true, y_pred, exposure)),
    }
