import numpy as np
from sklearn.metrics import average_precision_score, f1_score


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def threshold_free(eval_pred):
    logits, labels = eval_pred
    p = sigmoid(logits)
    return {"micro_ap": average_precision_score(labels, p, average="micro"),
            "macro_ap": average_precision_score(labels, p, average="macro")}


def tune_threshold(p, y):
    grid = np.round(np.arange(0.05, 0.96, 0.025), 3)
    return float(max(grid, key=lambda t: f1_score(y, p >= t, average="micro", zero_division=0)))


def thresholded(p, y, t):
    return {"micro_f1": f1_score(y, p >= t, average="micro", zero_division=0),
            "macro_f1": f1_score(y, p >= t, average="macro", zero_division=0),
            "micro_ap": average_precision_score(y, p, average="micro"),
            "macro_ap": average_precision_score(y, p, average="macro")}
