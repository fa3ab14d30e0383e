import numpy as np
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score


def pick_threshold(y, p, min_recall=0.8):
    """highest threshold that still catches min_recall of porous castings (chosen on validation)"""
    for t in np.round(np.arange(0.95, 0.0, -0.01), 2):
        if recall_score(y, p >= t) >= min_recall:
            return float(t)
    return 0.01


def summary(y, p, t):
    return {"ap": average_precision_score(y, p), "roc_auc": roc_auc_score(y, p),
            "precision": precision_score(y, p >= t, zero_division=0), "recall": recall_score(y, p >= t),
            "f1": f1_score(y, p >= t)}
