import numpy as np
from scipy.stats import ks_2samp
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score


def risk_metrics(y, p) -> dict:
    y, p = np.asarray(y), np.asarray(p)
    return {
        "auc": float(roc_auc_score(y, p)),
        "gini": float(2 * roc_auc_score(y, p) - 1),
        "ks": float(ks_2samp(p[y == 1], p[y == 0]).statistic),
        "pr_auc": float(average_precision_score(y, p)),
        "brier": float(brier_score_loss(y, p)),
    }
