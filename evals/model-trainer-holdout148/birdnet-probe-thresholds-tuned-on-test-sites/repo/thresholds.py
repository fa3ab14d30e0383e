import numpy as np
from sklearn.metrics import f1_score


def tune_thresholds(y_true, probs, grid):
    """Pick, per species, the score cut-off that maximises F1."""
    n_species = y_true.shape[1]
    best = np.full(n_species, 0.5)
    for j in range(n_species):
        scores = [f1_score(y_true[:, j], probs[:, j] >= t, zero_division=0) for t in grid]
        best[j] = grid[int(np.argmax(scores))]
    return best


def apply_thresholds(probs, thresholds):
    return (probs >= thresholds[np.newaxis, :]).astype(int)
