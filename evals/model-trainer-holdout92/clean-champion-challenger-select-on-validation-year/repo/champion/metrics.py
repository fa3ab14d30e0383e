import numpy as np
from sklearn.metrics import mean_poisson_deviance


def gini(claims, pred_freq, exposure):
    claims, pred_freq, exposure = (np.asarray(a, dtype=float) for a in (claims, pred_freq, exposure))
    o = np.argsort(pred_freq)
    x = np.concatenate([[0.0], np.cumsum(exposure[o]) / exposure.sum()])
    y = np.concatenate([[0.0], np.cumsum(claims[o]) / claims.sum()])
    return 1.0 - 2.0 * np.trapz(y, x)


def score(part, pred_freq):
    w = part["exposure"]
    return {
        "gini": gini(part["claim_count"], pred_freq, w),
        "deviance": mean_poisson_deviance(part["claim_count"] / w, pred_freq, sample_weight=w),
        "a_over_e": part["claim_count"].sum() / float(np.sum(pred_freq * w)),
    }
