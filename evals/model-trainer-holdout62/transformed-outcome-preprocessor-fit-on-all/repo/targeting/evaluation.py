import numpy as np


def transformed_outcome(y, t, p):
    return y * (t - p) / (p * (1 - p))


def cumulative_gain(y, t, score, n_bins=10):
    order = np.argsort(-score)
    y, t = y[order], t[order]
    gains = []
    for k in np.linspace(len(y) / n_bins, len(y), n_bins).astype(int):
        yk, tk = y[:k], t[:k]
        gains.append((yk[tk == 1].mean() - yk[tk == 0].mean()) * k / len(y))
    return np.array(gains)


def auuc(y, t, score, n_bins=10):
    return float(cumulative_gain(y, t, score, n_bins).mean())
