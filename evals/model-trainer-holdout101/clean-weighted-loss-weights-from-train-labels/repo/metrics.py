import numpy as np
from sklearn.metrics import balanced_accuracy_score, f1_score


def classification_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "macro_f1": f1_score(labels, preds, average="macro"),
        "weighted_f1": f1_score(labels, preds, average="weighted"),
        "balanced_accuracy": balanced_accuracy_score(labels, preds),
    }
