import numpy as np


def uplift_curve(y, t, tau):
    order = np.argsort(-np.asarray(tau))
    y, t = np.asarray(y, float)[order], np.asarray(t)[order]
    n_t, n_c = np.cumsum(t), np.cumsum(1 - t)
    r_t = np.cumsum(y * t) / np.maximum(n_t, 1)
    r_c = np.cumsum(y * (1 - t)) / np.maximum(n_c, 1)
    return (r_t - r_c) * np.arange(1, len(y) + 1)


def auuc(y, t, tau):
    curve = uplift_curve(y, t, tau)
    return float(curve.mean() / len(curve))


def uplift_at_fraction(y, t, tau, frac=0.25):
    y, t, tau = np.asarray(y, float), np.asarray(t), np.asarray(tau)
    idx = np.argsort(-tau)[: int(frac * len(tau))]
    return float(y[idx][t[idx] == 1].mean() - y[idx][t[idx] == 0].mean())
