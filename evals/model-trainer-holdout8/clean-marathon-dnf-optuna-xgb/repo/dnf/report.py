import numpy as np
from sklearn.metrics import (average_precision_score, brier_score_loss, f1_score, precision_recall_curve,
                             recall_score, roc_auc_score)


def f1_threshold(y, p):
    prec, rec, thr = precision_recall_curve(y, p)
    f1 = 2 * prec * rec / np.maximum(prec + rec, 1e-12)
    return float(thr[np.argmax(f1[:-1])])


def metrics(y, p, thr):
    return {"pr_auc": average_precision_score(y, p), "roc_auc": roc_auc_score(y, p),
            "brier": brier_score_loss(y, p), "f1": f1_score(y, p >= thr), "recall": recall_score(y, p >= thr)}
