import numpy as np
from sklearn.metrics import brier_score_loss, roc_auc_score, roc_curve


def risk_metrics(y, p):
    fpr, tpr, _ = roc_curve(y, p)
    auc = roc_auc_score(y, p)
    return {
        "auc": float(auc),
        "gini": float(2 * auc - 1),
        "ks": float(np.max(tpr - fpr)),
        "brier": float(brier_score_loss(y, p)),
        "mean_pd": float(np.mean(p)),
        "observed_dr": float(np.mean(y)),
    }
