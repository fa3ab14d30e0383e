import itertools

import numpy as np
from scipy.stats import rankdata
from sklearn.metrics import roc_auc_score


def rank_normalise(p):
    return rankdata(p) / len(p)


def blend(preds: dict, weights: dict) -> np.ndarray:
    total = sum(weights.values())
    return sum(w * rank_normalise(preds[name]) for name, w in weights.items()) / total


def search_blend_weights(preds: dict, y_true, step: float = 0.05):
    """Grid-search convex weights for a rank-average blend, maximising ROC AUC."""
    names = list(preds)
    grid = np.arange(0.0, 1.0 + 1e-9, step)
    best_weights, best_auc = None, -np.inf
    for combo in itertools.product(grid, repeat=len(names) - 1):
        last = 1.0 - sum(combo)
        if last < -1e-9:
            continue
        weights = dict(zip(names, list(combo) + [max(last, 0.0)]))
        auc = roc_auc_score(y_true, blend(preds, weights))
        if auc > best_auc:
            best_weights, best_auc = weights, auc
    return best_weights, best_auc
