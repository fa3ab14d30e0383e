import numpy as np
from sklearn.metrics import roc_auc_score, average_precision_score, fbeta_score, precision_score, recall_score


def choose_threshold(y_val, p_val, beta=2.0):
    grid = np.unique(np.round(p_val, 3))
    scores = [fbeta_score(y_val, (p_val >= t).astype(int), beta=beta) for t in grid]
    return float(grid[int(np.argmax(scores))])


def scorecard(y, p, thr):
    yhat = (p >= thr).astype(int)
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "f2": fbeta_score(y, yhat, beta=2.0), "precision": precision_score(y, yhat),
            "recall": recall_score(y, yhat)}
