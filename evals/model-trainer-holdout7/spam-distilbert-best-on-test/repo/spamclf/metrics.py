import numpy as np
from scipy.special import softmax
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    p_spam = softmax(logits, axis=-1)[:, 1]
    hard = (p_spam >= 0.5).astype(int)
    return {
        "f1": f1_score(labels, hard),
        "precision": precision_score(labels, hard),
        "recall": recall_score(labels, hard),
        "pr_auc": average_precision_score(labels, p_spam),
    }
