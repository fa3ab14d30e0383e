"""Metrics shared by the training and monitoring jobs."""
import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score


def pick_threshold(y_true, scores, min_precision):
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    mask = precision[:-1] >= min_precision
    if not mask.any():
        return float(thresholds[-1])
    idx = np.flatnonzero(mask)[np.argmax(recall[:-1][mask])]
    return float(thresholds[idx])


def score_report(y_true, scores, threshold):
    y_true = np.asarray(y_true)
    flagged = scores >= threshold
    tp = int((flagged & (y_true == 1)).sum())
    return {
        "pr_auc": float(average_precision_score(y_true, scores)),
        "roc_auc": float(roc_auc_score(y_true, scores)),
        "precision": tp / max(int(flagged.sum()), 1),
        "recall": tp / max(int(y_true.sum()), 1),
        "alerts_per_10k": float(flagged.mean() * 10_000),
    }
