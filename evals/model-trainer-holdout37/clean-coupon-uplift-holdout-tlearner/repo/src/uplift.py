"""Uplift evaluation helpers (Qini curve, uplift at k)."""
import numpy as np


def qini_curve(y, t, score):
    order = np.argsort(-score, kind="mergesort")
    y, t = np.asarray(y)[order], np.asarray(t)[order]
    n_t, n_c = np.cumsum(t), np.cumsum(1 - t)
    y_t, y_c = np.cumsum(y * t), np.cumsum(y * (1 - t))
    ratio = np.divide(n_t, n_c, out=np.zeros_like(n_t, dtype=float), where=n_c > 0)
    return np.r_[0.0, y_t - y_c * ratio]


def qini_coefficient(y, t, score):
    q = qini_curve(y, t, score)
    diag = np.linspace(0.0, q[-1], len(q))
    return float((q - diag).mean())


def uplift_at_k(y, t, score, k=0.3):
    y, t, score = map(np.asarray, (y, t, score))
    top = np.argsort(-score)[: int(len(score) * k)]
    yt, tt = y[top], t[top]
    return float(yt[tt == 1].mean() - yt[tt == 0].mean())
