import numpy as np
from sklearn.metrics import (average_precision_score, confusion_matrix,
                             roc_auc_score, roc_curve)


def threshold_for_sensitivity(y_true, proba, target):
    """Highest threshold whose sensitivity reaches `target`."""
    fpr, tpr, thresholds = roc_curve(y_true, proba)
    ok = np.where(tpr >= target)[0]
    return float(thresholds[ok[0]])


def operating_point(y_true, proba, threshold):
    pred = (proba >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y_true, pred).ravel()
    return {
        "threshold": threshold,
        "sensitivity": tp / (tp + fn),
        "specificity": tn / (tn + fp),
        "ppv": tp / (tp + fp) if tp + fp else float("nan"),
        "flag_rate": pred.mean(),
    }


def ranking_metrics(y_true, proba):
    return {
        "auroc": roc_auc_score(y_true, proba),
        "auprc": average_precision_score(y_true, proba),
    }
