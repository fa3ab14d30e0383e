"""Choosing and applying a fall-alarm operating point."""
import numpy as np
from sklearn.metrics import f1_score, precision_recall_curve, roc_auc_score, average_precision_score


def pick_threshold(y_true, scores, min_recall=0.95):
    """Highest-precision threshold whose recall stays at or above min_recall."""
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    precision, recall = precision[:-1], recall[:-1]
    ok = np.where(recall >= min_recall)[0]
    if len(ok) == 0:
        return float(thresholds.min())
    best = ok[np.argmax(precision[ok])]
    return float(thresholds[best])


def alarm_metrics(y_true, scores, threshold):
    y_true = np.asarray(y_true)
    pred = (np.asarray(scores) >= threshold).astype(int)
    tp = int(((pred == 1) & (y_true == 1)).sum())
    fp = int(((pred == 1) & (y_true == 0)).sum())
    fn = int(((pred == 0) & (y_true == 1)).sum())
    tn = int(((pred == 0) & (y_true == 0)).sum())
    return {
        "threshold": threshold,
        "sensitivity": tp / max(tp + fn, 1),
        "specificity": tn / max(tn + fp, 1),
        "f1": f1_score(y_true, pred),
        "false_alarms": fp,
    }


def ranking_metrics(y_true, scores):
    return {"roc_auc": roc_auc_score(y_true, scores), "pr_auc": average_precision_score(y_true, scores)}
