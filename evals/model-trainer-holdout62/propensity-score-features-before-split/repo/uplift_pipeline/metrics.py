"""Uplift evaluation: Qini curve and uplift at top-k."""
import numpy as np


def qini_curve(y, t, score):
    order = np.argsort(-score)
    y, t = np.asarray(y)[order], np.asarray(t)[order]
    n_t = np.cumsum(t)
    n_c = np.cumsum(1 - t)
    y_t = np.cumsum(y * t)
    y_c = np.cumsum(y * (1 - t))
    with np.errstate(divide="ignore", invalid="ignore"):
        q = y_t - np.where(n_c > 0, y_c * n_t / n_c, 0.0)
    return np.concatenate([[0.0], q])


def qini_auc(y, t, score):
    q = qini_curve(y, t, score)
    n = len(q) - 1
    random_line = np.linspace(0, q[-1], n + 1)
    return float(np.trapz(q - random_line) / n)


def uplift_at_k(y, t, score, k=0.2):
    y, t, score = map(np.asarray, (y, t, score))
    top = np.argsort(-score)[: int(len(score) * k)]
    yt, tt = y[top], t[top]
    return float(yt[tt == 1].mean() - yt[tt == 0].mean())
