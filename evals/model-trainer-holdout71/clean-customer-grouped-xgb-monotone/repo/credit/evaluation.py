import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score, roc_curve


def score_report(y, p):
    fpr, tpr, _ = roc_curve(y, p)
    auc = roc_auc_score(y, p)
    return {"auc": round(auc, 4), "gini": round(2 * auc - 1, 4), "ks": round(float(np.max(tpr - fpr)), 4),
            "pr_auc": round(average_precision_score(y, p), 4), "brier": round(brier_score_loss(y, p), 5)}
