import numpy as np
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score


def pick_threshold(y, p):
    grid = np.linspace(0.05, 0.95, 91)
    return float(grid[int(np.argmax([f1_score(y, p >= t) for t in grid]))])


def binary_report(y, p, thr):
    yhat = p >= thr
    return {
        "auroc": roc_auc_score(y, p),
        "avg_precision": average_precision_score(y, p),
        "f1": f1_score(y, yhat),
        "precision": precision_score(y, yhat),
        "recall": recall_score(y, yhat),
        "threshold": thr,
    }
