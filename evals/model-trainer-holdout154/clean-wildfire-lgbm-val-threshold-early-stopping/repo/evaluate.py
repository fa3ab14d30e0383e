import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score, roc_auc_score


def pick_threshold(y_true, proba, min_recall):
    """Highest-precision threshold that still keeps recall >= min_recall."""
    prec, rec, thr = precision_recall_curve(y_true, proba)
    ok = np.where(rec[:-1] >= min_recall)[0]
    best = ok[np.argmax(prec[:-1][ok])]
    return float(thr[best])


def report(y_true, proba, threshold):
    flag = (proba >= threshold).astype(int)
    return {
        "roc_auc": roc_auc_score(y_true, proba),
        "pr_auc": average_precision_score(y_true, proba),
        "precision": precision_score(y_true, flag, zero_division=0),
        "recall": recall_score(y_true, flag),
        "flag_rate": float(flag.mean()),
    }
