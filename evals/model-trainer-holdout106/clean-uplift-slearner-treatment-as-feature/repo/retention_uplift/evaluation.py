import numpy as np


def qini_auc(y, w, score):
    """Area between the Qini curve and the random-targeting diagonal, normalised by n."""
    order = np.argsort(-score, kind="stable")
    y, w = np.asarray(y, float)[order], np.asarray(w, float)[order]
    nt, nc = np.cumsum(w), np.cumsum(1 - w)
    yt, yc = np.cumsum(y * w), np.cumsum(y * (1 - w))
    curve = yt - np.divide(yc * nt, nc, out=np.zeros_like(yc), where=nc > 0)
    diagonal = np.linspace(0, curve[-1], len(curve))
    return float(np.mean(curve - diagonal))


def uplift_in_top(y, w, score, share):
    k = max(1, int(len(score) * share))
    top = np.argsort(-score, kind="stable")[:k]
    y, w = np.asarray(y)[top], np.asarray(w)[top]
    return float(y[w == 1].mean() - y[w == 0].mean())
