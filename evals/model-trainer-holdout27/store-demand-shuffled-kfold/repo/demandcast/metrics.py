import numpy as np


def mae(y, p):
    return float(np.mean(np.abs(np.asarray(y) - np.asarray(p))))


def rmse(y, p):
    return float(np.sqrt(np.mean((np.asarray(y) - np.asarray(p)) ** 2)))


def wape(y, p):
    y = np.asarray(y)
    return float(np.abs(y - np.asarray(p)).sum() / max(y.sum(), 1e-9))
