import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, precision_score, recall_score, roc_auc_score


def threshold_for_precision(y, p, target_precision):
    """Lowest score threshold whose precision on (y, p) reaches the target."""
    order = np.argsort(-p)
    tp = np.cumsum(y[order])
    prec = tp / np.arange(1, len(y) + 1)
    ok = np.where(prec >= target_precision)[0]
    return float(p[order][ok.max()]) if len(ok) else float(p.max())


def summary(y, p, thr):
    flag = (p >= thr).astype(int)
    return {
        "pr_auc": average_precision_score(y, p),
        "roc_auc": roc_auc_score(y, p),
        "brier": brier_score_loss(y, p),
        "precision@thr": precision_score(y, flag, zero_division=0),
        "recall@thr": recall_score(y, flag),
    }
