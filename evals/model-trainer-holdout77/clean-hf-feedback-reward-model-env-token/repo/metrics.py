"""Metrics for the binary thumbs-up reward model."""
import numpy as np
from sklearn.metrics import average_precision_score, f1_score, log_loss, roc_auc_score


def softmax(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def binary_report(labels, p_pos):
    return {
        "roc_auc": roc_auc_score(labels, p_pos),
        "pr_auc": average_precision_score(labels, p_pos),
        "log_loss": log_loss(labels, np.clip(p_pos, 1e-7, 1 - 1e-7)),
        "f1": f1_score(labels, (p_pos >= 0.5).astype(int)),
    }


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    return binary_report(labels, softmax(logits)[:, 1])
