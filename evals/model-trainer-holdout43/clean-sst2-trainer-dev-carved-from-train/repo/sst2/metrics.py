import numpy as np
from scipy.special import softmax
from sklearn.metrics import accuracy_score, f1_score, matthews_corrcoef, roc_auc_score


def classification_metrics(labels, pos_scores, preds):
    return {
        "accuracy": accuracy_score(labels, preds),
        "f1": f1_score(labels, preds),
        "mcc": matthews_corrcoef(labels, preds),
        "roc_auc": roc_auc_score(labels, pos_scores),
    }


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = softmax(logits, axis=-1)
    return classification_metrics(labels, probs[:, 1], np.argmax(logits, axis=-1))
