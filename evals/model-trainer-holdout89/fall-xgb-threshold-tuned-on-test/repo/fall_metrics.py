"""Metric helpers for binary fall detection."""
import numpy as np
from sklearn.metrics import f1_score, precision_recall_curve


def best_f1_threshold(y_true, scores):
    """Operating point that maximises F1 along the precision-recall curve."""
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-12, None)
    best = int(np.nanargmax(f1[:-1]))
    return float(thresholds[best]), float(f1[best])


def sensitivity_specificity(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    tn = np.sum((y_true == 0) & (y_pred == 0))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    return tp / max(tp + fn, 1), tn / max(tn + fp, 1)


def report(name, y_true, y_pred):
    sens, spec = sensitivity_specificity(y_true, y_pred)
    f1 = f1_score(y_true, y_pred)
    print(f"{name:<18} sens={sens:.3f} spec={spec:.3f} f1={f1:.3f}")
    return {"sensitivity": sens, "specificity": spec, "f1": f1}
