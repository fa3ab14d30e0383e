import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve


def ks_statistic(y, score) -> float:
    fpr, tpr, _ = roc_curve(y, score)
    return float(np.max(tpr - fpr))


def ranking_report(y, score) -> dict:
    return {
        "roc_auc": float(roc_auc_score(y, score)),
        "pr_auc": float(average_precision_score(y, score)),
        "ks": ks_statistic(y, score),
    }
