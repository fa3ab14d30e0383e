import numpy as np
from sklearn.metrics import mean_poisson_deviance


def frequency_report(claims, pred_counts, exposure) -> dict:
    freq_true = claims / exposure
    freq_pred = pred_counts / exposure
    order = np.argsort(freq_pred)
    cum_claims = np.cumsum(claims[order]) / claims.sum()
    cum_exp = np.cumsum(exposure[order]) / exposure.sum()
    return {
        "poisson_deviance": float(mean_poisson_deviance(freq_true, freq_pred, sample_weight=exposure)),
        "pred_over_actual": float(pred_counts.sum() / claims.sum()),
        "gini": float(1 - 2 * np.trapz(cum_claims, cum_exp)),
    }
