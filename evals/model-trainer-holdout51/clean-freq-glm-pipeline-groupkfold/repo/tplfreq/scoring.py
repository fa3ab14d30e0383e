import numpy as np
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance


def exposure_gini(freq_true, freq_pred, exposure) -> float:
    order = np.argsort(freq_pred)
    claims = (freq_true * exposure)[order]
    cum_claims = np.concatenate([[0], np.cumsum(claims) / claims.sum()])
    cum_exp = np.concatenate([[0], np.cumsum(exposure[order]) / exposure.sum()])
    return float(1 - 2 * np.trapz(cum_claims, cum_exp))


def report(freq_true, freq_pred, exposure) -> dict:
    return {
        "poisson_deviance": float(mean_poisson_deviance(freq_true, freq_pred, sample_weight=exposure)),
        "mae": float(mean_absolute_error(freq_true, freq_pred, sample_weight=exposure)),
        "gini": exposure_gini(freq_true, freq_pred, exposure),
        "pred_over_actual": float((freq_pred * exposure).sum() / (freq_true * exposure).sum()),
    }
