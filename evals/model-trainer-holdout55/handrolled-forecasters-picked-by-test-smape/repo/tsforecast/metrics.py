import numpy as np


def smape(y: np.ndarray, p: np.ndarray) -> float:
    denom = (np.abs(y) + np.abs(p)) / 2
    return float(np.mean(np.abs(y - p) / np.where(denom == 0, 1, denom)) * 100)


def mae(y: np.ndarray, p: np.ndarray) -> float:
    return float(np.mean(np.abs(y - p)))


def rmse(y: np.ndarray, p: np.ndarray) -> float:
    return float(np.sqrt(np.mean((y - p) ** 2)))
