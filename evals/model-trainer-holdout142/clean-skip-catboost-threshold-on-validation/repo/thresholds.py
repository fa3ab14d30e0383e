import numpy as np
from sklearn.metrics import precision_recall_curve


def threshold_for_precision(y_true, scores, min_precision):
    """Lowest threshold whose precision >= min_precision (max recall at that precision)."""
    prec, rec, thr = precision_recall_curve(y_true, scores)
    ok = np.where(prec[:-1] >= min_precision)[0]
    if len(ok) == 0:
        return float(thr[-1])
    return float(thr[ok[0]])


def report_at(y_true, scores, t):
    y_hat = scores >= t
    tp = int((y_hat & (y_true == 1)).sum())
    return {
        "threshold": round(t, 4),
        "precision": tp / max(int(y_hat.sum()), 1),
        "recall": tp / max(int((y_true == 1).sum()), 1),
        "flag_rate": float(y_hat.mean()),
    }
