import numpy as np
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score, roc_curve


def youden_threshold(y_val, p_val) -> float:
    fpr, tpr, thr = roc_curve(y_val, p_val)
    return float(thr[np.argmax(tpr - fpr)])


def summary(y, p, thr) -> dict:
    hard = (p >= thr).astype(int)
    return {
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "f1": f1_score(y, hard),
        "precision": precision_score(y, hard),
        "recall": recall_score(y, hard),
    }
