import numpy as np
from sklearn.metrics import roc_curve


def compute_eer(labels, scores):
    fpr, tpr, _ = roc_curve(labels, scores)
    fnr = 1 - tpr
    idx = np.nanargmin(np.abs(fnr - fpr))
    return float((fpr[idx] + fnr[idx]) / 2)


def compute_min_dcf(labels, scores, p_target=0.01, c_miss=1.0, c_fa=1.0):
    fpr, tpr, _ = roc_curve(labels, scores)
    dcf = c_miss * (1 - tpr) * p_target + c_fa * fpr * (1 - p_target)
    c_def = min(c_miss * p_target, c_fa * (1 - p_target))
    return float(dcf.min() / c_def)
