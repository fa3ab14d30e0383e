import numpy as np
from sklearn.metrics import brier_score_loss, roc_auc_score


def propensity_diagnostics(t, e_hat):
    return {
        "auc": float(roc_auc_score(t, e_hat)),
        "brier": float(brier_score_loss(t, e_hat)),
        "share_clipped": float(np.mean((e_hat <= 0.021) | (e_hat >= 0.979))),
    }


def dr_policy_value(pseudo, tau_hat, frac):
    """Average DR score of the effect among the top `frac` ranked by tau_hat (held-out pseudo-outcomes)."""
    k = int(frac * len(tau_hat))
    top = np.argsort(-tau_hat)[:k]
    return float(pseudo[top].mean())


def calibration_by_bin(pseudo, tau_hat, bins=5):
    edges = np.quantile(tau_hat, np.linspace(0, 1, bins + 1))
    b = np.clip(np.searchsorted(edges, tau_hat, side="right") - 1, 0, bins - 1)
    return [(float(tau_hat[b == i].mean()), float(pseudo[b == i].mean())) for i in range(bins)]
