import numpy as np
from sklearn.metrics import average_precision_score, f1_score, log_loss, roc_auc_score


def best_f1_threshold(y_true, proba):
    grid = np.linspace(0.05, 0.95, 91)
    scores = [f1_score(y_true, proba >= t) for t in grid]
    return float(grid[int(np.argmax(scores))])


def report(name, y_true, proba, threshold):
    print(f"{name:>10} | AUC {roc_auc_score(y_true, proba):.4f} | "
          f"PR-AUC {average_precision_score(y_true, proba):.4f} | "
          f"logloss {log_loss(y_true, proba):.4f} | "
          f"F1@{threshold:.2f} {f1_score(y_true, proba >= threshold):.4f}")
