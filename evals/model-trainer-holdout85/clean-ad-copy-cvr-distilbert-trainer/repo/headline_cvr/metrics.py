import numpy as np
from scipy.special import softmax
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score


def positive_proba(logits):
    return softmax(logits, axis=-1)[:, 1]


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    proba = positive_proba(logits)
    return {
        "roc_auc": roc_auc_score(labels, proba),
        "average_precision": average_precision_score(labels, proba),
    }


def best_f1_threshold(labels, proba):
    grid = np.linspace(0.05, 0.95, 91)
    scores = [f1_score(labels, proba >= t) for t in grid]
    return float(grid[int(np.argmax(scores))])
