import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score, roc_curve


def summarize(name, y, p):
    auc = roc_auc_score(y, p)
    fpr, tpr, _ = roc_curve(y, p)
    row = {
        "model": name,
        "auc": auc,
        "gini": 2 * auc - 1,
        "ks": float(np.max(tpr - fpr)),
        "pr_auc": average_precision_score(y, p),
        "brier": brier_score_loss(y, p),
    }
    print(" | ".join(f"{k}={v:.4f}" if isinstance(v, float) else str(v) for k, v in row.items()))
    return row
