import numpy as np
from sklearn.metrics import accuracy_score, precision_recall_fscore_support

OOS = "out_of_scope"


def predict_with_threshold(classes, probs, threshold):
    pred = classes[probs.argmax(axis=1)].astype(object)
    pred[probs.max(axis=1) < threshold] = OOS
    return pred


def abstention_metrics(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true, dtype=object), np.asarray(y_pred, dtype=object)
    p, r, f, _ = precision_recall_fscore_support(y_true == OOS, y_pred == OOS, average="binary", zero_division=0)
    in_scope = y_true != OOS
    return {
        "oos_precision": p,
        "oos_recall": r,
        "oos_f1": f,
        "in_scope_accuracy": accuracy_score(y_true[in_scope], y_pred[in_scope]),
        "overall_accuracy": accuracy_score(y_true, y_pred),
    }


def choose_threshold(classes, probs, y_true, grid=None, min_in_scope_acc=0.9):
    """Best OOS F1 among thresholds that keep in-scope accuracy above a floor."""
    grid = np.linspace(0.05, 0.95, 91) if grid is None else grid
    best_t, best_f1 = grid[0], -1.0
    for t in grid:
        m = abstention_metrics(y_true, predict_with_threshold(classes, probs, t))
        if m["in_scope_accuracy"] >= min_in_scope_acc and m["oos_f1"] > best_f1:
            best_t, best_f1 = t, m["oos_f1"]
    return float(best_t)
