import numpy as np
from sklearn.metrics import accuracy_score, f1_score


def classification_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }


def majority_baseline(train_labels, test_labels):
    majority = np.bincount(train_labels).argmax()
    preds = np.full_like(np.asarray(test_labels), majority)
    return {
        "accuracy": accuracy_score(test_labels, preds),
        "macro_f1": f1_score(test_labels, preds, average="macro"),
    }
