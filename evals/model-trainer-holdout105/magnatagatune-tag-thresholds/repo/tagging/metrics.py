import numpy as np
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score


def tag_scores(y_true, y_prob):
    return {
        "roc_auc_macro": roc_auc_score(y_true, y_prob, average="macro"),
        "pr_auc_macro": average_precision_score(y_true, y_prob, average="macro"),
    }


def best_f1_thresholds(y_true, y_prob, grid=np.linspace(0.05, 0.95, 19)):
    """Per-tag threshold maximising F1 on the given annotations."""
    thresholds = np.zeros(y_true.shape[1])
    for j in range(y_true.shape[1]):
        f1s = [f1_score(y_true[:, j], y_prob[:, j] >= t, zero_division=0) for t in grid]
        thresholds[j] = grid[int(np.argmax(f1s))]
    return thresholds


def thresholded_f1(y_true, y_prob, thresholds):
    y_pred = (y_prob >= thresholds[None, :]).astype(int)
    return {
        "f1_micro": f1_score(y_true, y_pred, average="micro", zero_division=0),
        "f1_macro": f1_score(y_true, y_pred, average="macro", zero_division=0),
    }
