import numpy as np
from sklearn.metrics import accuracy_score, f1_score, mean_absolute_error


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = logits.argmax(axis=-1)
    probs = np.exp(logits - logits.max(axis=-1, keepdims=True))
    probs /= probs.sum(axis=-1, keepdims=True)
    expected_stars = probs @ np.arange(1, probs.shape[1] + 1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
        "mae_argmax": mean_absolute_error(labels + 1, preds + 1),
        "mae_expected": mean_absolute_error(labels + 1, expected_stars),
    }
