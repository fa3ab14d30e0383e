import numpy as np


def qini_curve(y, t, score):
    o = np.argsort(-score, kind="mergesort")
    y, t = y[o], t[o]
    nt, nc = np.cumsum(t), np.cumsum(1 - t)
    return np.r_[0.0, np.cumsum(y * t) - np.cumsum(y * (1 - t)) * nt / np.maximum(nc, 1)]


def qini_coefficient(y, t, score):
    q = qini_curve(y, t, score)
    return float((q - np.linspace(0, q[-1], len(q))).mean() / (len(q) - 1))


def uplift_at(y, t, score, frac):
    idx = np.argsort(-score, kind="mergesort")[: int(frac * len(score))]
    return float(y[idx][t[idx] == 1].mean() - y[idx][t[idx] == 0].mean())
