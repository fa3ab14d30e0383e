import numpy as np
from sklearn.metrics import average_precision_score, f1_score, matthews_corrcoef, roc_auc_score


def softmax_pos(logits):
    z = logits - logits.max(axis=-1, keepdims=True)
    p = np.exp(z)
    return (p / p.sum(axis=-1, keepdims=True))[:, 1]


def hf_compute_metrics(eval_pred):
    logits, labels = eval_pred
    p = softmax_pos(logits)
    return {"roc_auc": roc_auc_score(labels, p), "pr_auc": average_precision_score(labels, p)}


def pick_threshold(y_val, p_val):
    grid = np.linspace(0.05, 0.95, 91)
    mccs = [matthews_corrcoef(y_val, (p_val >= t).astype(int)) for t in grid]
    return float(grid[int(np.argmax(mccs))])


def full_report(y, p, threshold):
    pred = (p >= threshold).astype(int)
    return {
        "roc_auc": float(roc_auc_score(y, p)),
        "pr_auc": float(average_precision_score(y, p)),
        "mcc": float(matthews_corrcoef(y, pred)),
        "f1": float(f1_score(y, pred)),
        "threshold": threshold,
    }
