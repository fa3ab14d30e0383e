import numpy as np
from scipy.stats import ks_2samp
from sklearn.metrics import brier_score_loss, roc_auc_score


def scorecard_metrics(y, p):
    y, p = np.asarray(y), np.asarray(p)
    auc = roc_auc_score(y, p)
    return {"auc": round(auc, 4), "gini": round(2 * auc - 1, 4),
            "ks": round(ks_2samp(p[y == 1], p[y == 0]).statistic, 4), "brier": round(brier_score_loss(y, p), 5)}
