"""Qini / uplift-at-k for randomised campaign data."""
import numpy as np


def qini_curve(y, treated, uplift_score):
    order = np.argsort(-uplift_score)
    y, treated = np.asarray(y)[order], np.asarray(treated)[order]
    n_t = np.cumsum(treated)
    n_c = np.cumsum(1 - treated)
    y_t = np.cumsum(y * treated)
    y_c = np.cumsum(y * (1 - treated))
    with np.errstate(divide="ignore", invalid="ignore"):
        qini = y_t - np.where(n_c > 0, y_c * n_t / n_c, 0.0)
    return np.r_[0.0, qini]


def qini_coefficient(y, treated, uplift_score):
    curve = qini_curve(y, treated, uplift_score)
    n = len(curve) - 1
    random_line = np.linspace(0, curve[-1], n + 1)
    return float((curve - random_line).sum() / n)


def uplift_at_k(y, treated, uplift_score, share):
    k = int(len(uplift_score) * share)
    top = np.argsort(-uplift_score)[:k]
    y, treated = np.asarray(y)[top], np.asarray(treated)[top]
    return float(y[treated == 1].mean() - y[treated == 0].mean())
