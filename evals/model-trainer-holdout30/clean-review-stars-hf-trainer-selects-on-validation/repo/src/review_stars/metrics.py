"""Metrics for 5-class star prediction."""
import numpy as np
from sklearn.metrics import accuracy_score, f1_score, mean_absolute_error


def star_metrics(y_true, y_pred) -> dict:
    return {
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
        "accuracy": accuracy_score(y_true, y_pred),
        "star_mae": mean_absolute_error(y_true, y_pred),
    }


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    return star_metrics(labels, np.argmax(logits, axis=-1))
