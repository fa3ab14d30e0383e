import numpy as np
from sklearn.metrics import f1_score


def tune_per_label(Y_true: np.ndarray, proba: np.ndarray, grid=None, min_support: int = 20,
                   default: float = 0.5) -> np.ndarray:
    """F1-optimal cut-off per label; labels with too few positives keep the default."""
    grid = np.linspace(0.05, 0.9, 35) if grid is None else grid
    thr = np.full(Y_true.shape[1], default)
    for j in range(Y_true.shape[1]):
        if Y_true[:, j].sum() < min_support:
            continue
        f1s = [f1_score(Y_true[:, j], proba[:, j] >= t, zero_division=0) for t in grid]
        thr[j] = grid[int(np.argmax(f1s))]
    return thr


def apply(proba: np.ndarray, thr: np.ndarray) -> np.ndarray:
    pred = (proba >= thr).astype(int)
    # every patent has at least one subclass: fall back to the arg-max label
    empty = pred.sum(axis=1) == 0
    pred[empty, proba[empty].argmax(axis=1)] = 1
    return pred
