import numpy as np
from sklearn.metrics import roc_auc_score, roc_curve


def discrimination(y, pd_hat):
    fpr, tpr, _ = roc_curve(y, pd_hat)
    auc = roc_auc_score(y, pd_hat)
    return {"auc": round(auc, 4), "gini": round(2 * auc - 1, 4), "ks": round(float(np.max(tpr - fpr)), 4)}


def psi(expected_scores, actual_scores, n_bins=10):
    edges = np.unique(np.quantile(expected_scores, np.linspace(0, 1, n_bins + 1)))
    edges[0], edges[-1] = -np.inf, np.inf
    e = np.histogram(expected_scores, edges)[0] / len(expected_scores)
    a = np.histogram(actual_scores, edges)[0] / len(actual_scores)
    e, a = np.clip(e, 1e-4, None), np.clip(a, 1e-4, None)
    return float(np.sum((a - e) * np.log(a / e)))


def to_points(log_odds_good, base_points, base_odds, pdo):
    factor = pdo / np.log(2)
    return np.round(base_points - factor * np.log(base_odds) + factor * log_odds_good)
