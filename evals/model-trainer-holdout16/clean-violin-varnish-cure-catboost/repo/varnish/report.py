import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score, precision_recall_curve, f1_score, balanced_accuracy_score


def pick_threshold(y_es, p_es):
    prec, rec, thr = precision_recall_curve(y_es, p_es)
    f1 = 2 * prec[:-1] * rec[:-1] / np.maximum(prec[:-1] + rec[:-1], 1e-12)
    return float(thr[int(np.argmax(f1))])


def summarise(y, p, thr):
    yhat = (p >= thr).astype(int)
    return {"pr_auc": average_precision_score(y, p), "roc_auc": roc_auc_score(y, p),
            "f1": f1_score(y, yhat), "balanced_acc": balanced_accuracy_score(y, yhat), "threshold": thr}
