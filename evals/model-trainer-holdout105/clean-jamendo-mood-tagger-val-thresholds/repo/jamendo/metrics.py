import numpy as np
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score


def ranking_scores(Y, P):
    return {
        "roc_auc": roc_auc_score(Y, P, average="macro"),
        "pr_auc": average_precision_score(Y, P, average="macro"),
    }


def fit_tag_thresholds(Y, P, grid=np.arange(0.02, 0.9, 0.02)):
    th = np.empty(Y.shape[1])
    for j in range(Y.shape[1]):
        f = [f1_score(Y[:, j], P[:, j] >= t, zero_division=0) for t in grid]
        th[j] = grid[int(np.argmax(f))]
    return th


def f1_at(Y, P, th):
    pred = (P >= th).astype(int)
    return {
        "f1_micro": f1_score(Y, pred, average="micro", zero_division=0),
        "f1_macro": f1_score(Y, pred, average="macro", zero_division=0),
    }
