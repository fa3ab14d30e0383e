import numpy as np
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score


def classification_report(y_true, proba) -> dict[str, float]:
    proba = np.clip(proba, 1e-7, 1 - 1e-7)
    return {
        "roc_auc": float(roc_auc_score(y_true, proba)),
        "pr_auc": float(average_precision_score(y_true, proba)),
        "log_loss": float(log_loss(y_true, proba)),
    }
