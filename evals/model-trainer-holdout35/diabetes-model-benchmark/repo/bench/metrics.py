import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score


def summarise(y_true, proba) -> dict:
    y_true = np.asarray(y_true)
    return {
        "auroc": roc_auc_score(y_true, proba),
        "auprc": average_precision_score(y_true, proba),
        "brier": brier_score_loss(y_true, proba),
    }
